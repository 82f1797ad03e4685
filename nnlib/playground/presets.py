"""The series' experiments as settings strings, for the playground's preset menu.

Each preset says what to look for; tests/test_playground_presets.py trains every
one and checks that it shows what its text claims, with the numbers the text gives.
Notebook 14 runs most of them as predict-then-run experiments.
"""

from typing import NamedTuple


class Preset(NamedTuple):
    name: str
    settings: str
    claim: str


PRESETS = (
    Preset("XOR needs a hidden layer",
           "dataset=xor;hidden=none",
           "No hidden layer: one neuron draws one straight line, and no line separates XOR: the accuracy stays at "
           "75 % or below. Type 4 into hidden layers and press Train: 100 %."),
    Preset("x1·x2 replaces the hidden layer",
           "dataset=xor;features=x1,x2,x1x2;hidden=none",
           "With the product x1·x2 as a third input, one neuron separates XOR: 100 % without a hidden layer."),
    # The name does not give away the features: finding them is exercise 14.1.
    Preset("Circles without a hidden layer",
           "dataset=circles;noise=0.1;features=x1sq,x2sq;hidden=none;lr=1;epochs=500",
           "With x1² and x2² as inputs, a straight line in those inputs is a circle in the plane: at least 95 % "
           "with no hidden layer and 3 parameters. Tick x1 and x2 instead of them, and it stays below 70 %; give "
           "x1 and x2 a hidden layer of 8 (33 parameters) and it passes 95 % again."),
    Preset("L1 switches off the features it does not need",
           "dataset=circles;noise=0.1;features=x1,x2,x1sq,x2sq,x1x2,sinx1,sinx2;hidden=none;lr=1;reg=l1;"
           "rate=0.02;epochs=1000",
           "All seven features and an L1 penalty: the weights of x1² and x2² stay large (|w| > 5), the five others "
           "end within one step (η·λ = 0.02) of zero and vanish from the diagram. Choose l2 at the same rate: x1²'s "
           "and x2²'s weights end at about half of L1's, and none of the seven gets that close to zero."),
    Preset("Overfitting: little data, a wide network",
           "dataset=moons;n=60;noise=0.3;hidden=32,32;lr=0.3;epochs=3000;show_test=1",
           "30 training points and more than 1 000 weights: the training loss falls below 0.1, while the test loss "
           "ends at more than twice its lowest value."),
    Preset("L2 against overfitting",
           "dataset=moons;n=60;noise=0.3;hidden=32,32;lr=0.3;reg=l2;rate=0.01;epochs=3000;show_test=1",
           "The same run with an L2 penalty: the weights stay small, the boundary smooth, and the test loss ends at "
           "less than half of what it reaches without the penalty."),
    Preset("A learning rate too large",
           "dataset=circles;hidden=8;lr=30",
           "At learning rate 30 the training loss goes up in more than a third of the epochs and never gets below "
           "ln 2 ≈ 0.69, a coin toss; the hidden neurons' pictures turn into hard two-colour steps. Type 1, press "
           "Reset and Train: the loss falls in every epoch."),
    Preset("Dead ReLUs at a large learning rate",
           "dataset=circles;noise=0.1;hidden=8,8;act=relu;lr=5;epochs=200",
           "At learning rate 5 at least half of the 16 ReLU units die (crossed out: 0 on every training point, so "
           "no gradient reaches their weights; in the first hidden layer nothing can revive them, in the second "
           "only a change in the first), and the accuracy stays near 50 %. Type 0.1, press Reset and Train: at "
           "most 2 die, and the accuracy passes 85 %."),
    Preset("Capacity: the spiral needs enough units",
           "dataset=spiral;n=400;noise=0.03;hidden=8;optimiser=adam;lr=0.03;epochs=1000",
           "One hidden layer of 8 cannot follow the arms: below 90 %. Make it one layer of 16, or two layers of 8 "
           "(8,8), press Reset and Train: at least 95 % either way. Depth is not what was missing: units were."),
    Preset("Depth or width at 105 parameters",
           "dataset=spiral;n=400;noise=0.03;hidden=26;optimiser=adam;lr=0.03;epochs=1000",
           "One layer of 26 and two layers of 8 (8,8) both have 105 parameters, and both pass 95 %. Over five "
           "seeds the two layers score about 2 points higher on average: a small edge for depth, here."),
    Preset("Three classes: softmax",
           "dataset=spiral3;n=600;noise=0.03;hidden=16,16;optimiser=adam;lr=0.02;epochs=1000",
           "Three spiral arms, three output neurons and a softmax: the regions take the colour of the most probable "
           "class, and the test accuracy reaches at least 90 %."),
)

"""The teacher's guide: for each chapter, how long it takes, what to show live, what to ask the class to
predict before a cell runs, the mistakes the tutor names, and the playground preset that goes with it.

    python tools/teachers_guide.py          # print the guide (Markdown)
    python tools/teachers_guide.py --readme # write it into README.md between its two markers

What an instructor decides (time, demo, question, preset) is written here, once; the mistakes are read
from the answer keys (nnlib/exercises/nbNN.py), so the guide names exactly what the tutor recognises.
The README's "Teaching with the series" section and the site's teachers-guide.html are both made from
this file, and tests/test_teachers_guide.py checks that the README's copy is current, that every preset
named exists and that every chapter is covered.
"""

import importlib
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
START, END = "<!-- teachers-guide:start -->", "<!-- teachers-guide:end -->"

# chapter: (minutes, show live, ask the class first, playground presets)
GUIDE = {
    "00": (45, "*A first taste*: run the lines that train a network on XOR, then run them again with 50 epochs "
               "instead of 5000.",
           "How many of XOR's four points will the trained network get right, and after only 50 epochs?",
           ("XOR needs a hidden layer",)),
    "01": (60, "§5: the textbook sigmoid past z = −709.78, where e^(−z) overflows and numpy warns, then nnlib's.",
           "What does 1/(1 + e^(−z)) give at z = −800: 0, a tiny positive number, or an error?", ()),
    "02": (90, "§5's training and validation curves, then §6: the loss surface with the descent path on it.",
           "After training, will the validation loss end above or below the training loss?", ()),
    "03": (60, "AND's decision line animated; then XOR's four points: ask someone to draw one line that "
               "separates them.",
           "Can one neuron learn XOR once x1·x2 is given to it as a third input?",
           ("x1·x2 replaces the hidden layer", "Circles without a hidden layer")),
    "04": (60, "*One point, three answers*: SymPy, backprop and central differences print the same gradient.",
           "To how many digits will backprop's gradient agree with the central differences?", ()),
    "05": (90, "§2: press Play on the boundary animation; §3: each hidden unit is a line.",
           "Will the network still learn XOR if its hidden units are linear (no tanh)?",
           ("XOR needs a hidden layer",)),
    "06": (45, "*What two outputs change*: the shared layer's gradient is the sum of the two outputs' shares.",
           "Does learning implication alongside XOR help XOR, hurt it, or change nothing?", ()),
    "07": (90, "Bug 1 and the gradient check's relative error jumping; then *The zoo at a glance*.",
           "Which of the bugs would a test that only checks that the loss falls miss?", ()),
    "08": (45, "§4 Mini-batches: full batch, batches of 50 and of 10, compared per epoch and per update.",
           "After 50 epochs, which batch size has the lowest loss? And after the same 1000 updates?", ()),
    "09": (90, "§1: four learning rates on a bowl, animated; then §4: dead ReLUs at a large rate.",
           "On a bowl whose sharpest curvature is h_max, from which learning rate on does descent diverge?",
           ("A learning rate too large", "Dead ReLUs at a large learning rate")),
    "10": (60, "§2: the activation histograms of a ten-layer stack for each starting scale.",
           "With weights of standard deviation 0.01, what is left of the signal after ten layers?", ()),
    "11": (60, "§3: softmax of logits ±1000, naively and in the stable form; §5: the spiral's regions animated.",
           "What does the naive softmax give for the logits (1000, 0, −1000)?", ("Three classes: softmax",)),
    "12": (45, "§2: the sweep of hidden widths, with the gap between training and validation loss shaded.",
           "As the hidden layer grows from a few units to hundreds, what happens to the validation loss?",
           ("Overfitting: little data, a wide network", "L2 against overfitting")),
    "13": (45, "§7 the confusion matrix, then §8 the digits the network gets wrong.",
           "Which two digits will the network confuse most often?", ()),
    "14": (None, "Open the playground, load the preset for the day's chapter, and let the class call out the "
                 "next setting to try.",
           "Before Train: what will the picture of each neuron look like once it has learned?",
           ("L1 switches off the features it does not need", "Depth or width at 105 parameters")),
}


def chapter_titles():
    """{"05": "05 · XOR learned by a hidden layer", ...} from the notebooks' first headings."""
    import nbformat  # only when the guide is made

    titles = {}
    for path in sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb")):
        nb = nbformat.read(path, as_version=4)
        heading = next(m.group(1) for c in nb.cells if c.cell_type == "markdown"
                       for m in [re.search(r"^#\s+(.+)$", c.source, re.M)] if m)
        titles[path.stem[:2]] = (heading.strip(), path.stem)
    return titles


def mistakes(chapter):
    """[(exercise id, what it asks, [the mistakes the tutor names])] from the chapter's answer key."""
    try:
        key = importlib.import_module(f"nnlib.exercises.nb{chapter}")
    except ModuleNotFoundError:
        return []
    return [(exercise_id, exercise.asks, [m.name for m in exercise.misconceptions])
            for exercise_id, exercise in key.EXERCISES.items()]


def guide_markdown(link=lambda stem: f"notebooks/{stem}.ipynb"):
    from nnlib.playground.presets import PRESETS

    settings = {preset.name: preset.settings for preset in PRESETS}
    titles = chapter_titles()
    parts = []
    for chapter, (minutes, demo, question, presets) in GUIDE.items():
        title, stem = titles[chapter]
        time = f"about {minutes} minutes" if minutes else "as long as you like"
        lines = [f"**[{title}]({link(stem)})** ({time})", "",
                 f"- *Show live:* {demo}", f"- *Ask first:* {question}"]
        named = [f"{exercise_id} ({', '.join(names)})" for exercise_id, _, names in mistakes(chapter) if names]
        if named:
            lines.append("- *The tutor names:* " + "; ".join(named) + ".")
        for name in presets:
            lines.append(f"- *Playground:* the preset \"{name}\" (`{settings[name]}`).")
        parts.append("\n".join(lines))
    return "\n\n".join(parts) + "\n"


def readme_with_guide(readme):
    """The README's text with the guide between its markers replaced by the current one."""
    before, rest = readme.split(START, 1)
    _, after = rest.split(END, 1)
    return f"{before}{START}\n{guide_markdown()}{END}{after}"


if __name__ == "__main__":
    if "--readme" in sys.argv:
        path = ROOT / "README.md"
        path.write_text(readme_with_guide(path.read_text(encoding="utf-8")), encoding="utf-8")
        print("README.md: the teacher's guide written between its markers")
    else:
        print(guide_markdown())

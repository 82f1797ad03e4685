"""The trained network taken out of the playground: its weights as numpy arrays, and Python that rebuilds it.

``weights(pg)`` gives ``{"W1": …, "b1": …, …}`` (copies); ``snippet(pg)`` gives a
short program that rebuilds the same network with nnlib (``nnlib.mlp`` and
``set_parameters``) and the playground's input features, so that
``net.predict(features(X))`` gives the playground's output at points X. Floats are
written with ``repr``, Python's shortest form that reads back exactly, so the
rebuilt network's numbers are the playground's, bit for bit.
"""

import numpy as np

# Each feature as Python source, computed from the points X (n, 2): the same as datasets.FEATURE_FUNCTIONS.
FEATURE_SOURCE = {"x1": "X[:, 0]", "x2": "X[:, 1]", "x1sq": "X[:, 0] ** 2", "x2sq": "X[:, 1] ** 2",
                  "x1x2": "X[:, 0] * X[:, 1]", "sinx1": "np.sin(X[:, 0])", "sinx2": "np.sin(X[:, 1])"}


def weights(pg):
    """The Playground ``pg``'s weights and biases, layer by layer: {"W1": (n1, inputs), "b1": (n1,), "W2": …}."""
    values = pg.net.get_parameters()
    return {f"{kind}{i // 2 + 1}": value for i, (kind, value) in enumerate(zip("Wb" * len(values), values))}


def _array(value):
    rows = value.tolist()
    if value.ndim == 1:
        return f"np.array({[float(v) for v in rows]!r})"
    return "np.array([\n" + "".join(f"        {[float(v) for v in row]!r},\n" for row in rows) + "    ])"


def snippet(pg):
    """Python source that rebuilds the Playground ``pg``'s network with nnlib, and its input features."""
    s = pg.settings
    sizes = [len(s.features), *s.hidden, pg.net.n_outputs]
    columns = ", ".join(FEATURE_SOURCE[token] for token in s.features)
    output = {"identity": "the number", "sigmoid": "p(class 1)", "softmax": "the probability of each class"}
    lines = [
        f"# The playground's network after {pg.epoch} epochs, rebuilt with nnlib. Its settings:",
        f"# {s}",
        "import numpy as np",
        "",
        "import nnlib",
        "",
        "",
        "def features(X):",
        f'    """The network\'s inputs for points X (n, 2): {", ".join(s.features)}."""',
        "    X = np.asarray(X, dtype=float)",
        f"    return np.column_stack([{columns}])",
        "",
        "",
        f"net = nnlib.mlp({sizes}, hidden={s.act!r}, output={pg.output_name!r})",
        "net.set_parameters([",
    ]
    for name, value in weights(pg).items():
        lines.append(f"    {_array(value)},  # {name}, shape {value.shape}")
    lines += ["])", f"# net.predict(features(X)): {output[pg.output_name]} at points X (n, 2), a row per point"]
    return "\n".join(lines) + "\n"


def run(source):
    """Execute a ``snippet`` and return its namespace (``net`` and ``features``); for checking it."""
    namespace = {}
    exec(compile(source, "<playground export>", "exec"), namespace)  # noqa: S102 (our own generated code)
    return namespace


def predictions(source, X):
    """What the network of a ``snippet`` outputs at points X (n, 2), shaped as ``Playground.probabilities``."""
    namespace = run(source)
    out = namespace["net"].predict(namespace["features"](np.asarray(X, dtype=float)))
    return out[:, 0] if out.shape[1] == 1 else out

"""Pictures for image data (notebook 13): digits, weights as images, and the confusion matrix.

An image is a 2-D array drawn the way it is printed: row 0 at the top, column 0 at the left (matplotlib's
``origin="upper"``), so ``image[r, c]`` is the pixel in row r, column c, as in scikit-learn's digits.
Grids of small images are static matplotlib figures; the confusion matrix is a Plotly heat map that
tells the count of each cell on hover. Colours come from ``nnlib.palette``.

matplotlib and Plotly are imported inside the functions, not by ``import nnlib``.
"""

import numpy as np

from ..checks import as_float_array, check_positive_int
from .column import fits_column
from .palette import CLASS_COLORS

# Ink on paper: 0 is white, the largest value black.
DIGIT_CMAP = "gray_r"
# Weights: negative in class 0's vermillion, 0 white, positive in class 1's blue (colour-blind safe).
WEIGHT_COLORS = (CLASS_COLORS[0], "#FFFFFF", CLASS_COLORS[1])
# The confusion matrix: correct answers (the diagonal) in blue, mistakes in vermillion.
CORRECT_COLORSCALE = [[0.0, "#FFFFFF"], [1.0, CLASS_COLORS[1]]]
MISTAKE_COLORSCALE = [[0.0, "#FFFFFF"], [1.0, CLASS_COLORS[0]]]
EMPTY_CELL = "#F2F2F2"   # cells with no samples: light grey tiles, so the matrix's extent shows


def as_images(images, image_shape=(8, 8), name="images"):
    """``images`` as an array (n, rows, columns): rows of pixels (n, rows·columns) are reshaped row by row."""
    images = as_float_array(images, name)
    rows, columns = image_shape
    if images.ndim == 2 and images.shape[1] == rows * columns:
        images = images.reshape(len(images), rows, columns)  # numpy's order: pixel k is row k // columns
    if images.ndim != 3 or images.shape[1:] != (rows, columns):
        raise ValueError(f"{name} must have shape (n, {rows}, {columns}) or (n, {rows * columns}); "
                         f"got shape {images.shape}")
    if len(images) == 0:
        raise ValueError(f"{name} must hold at least one image; got shape {images.shape}")
    return images


def image_grid(images, *, titles=None, columns=10, cmap=DIGIT_CMAP, vmin=None, vmax=None, image_shape=(8, 8),
               title=None, panel_size=0.72, colorbar_label=None):
    """Small images in a grid of ``columns``, each with an optional title, as a matplotlib figure.

    Every image shares one colour range (``vmin``, ``vmax``; default: the smallest and largest value
    of all images), so the same grey means the same value everywhere. ``panel_size`` is each image's
    width in inches; ``colorbar_label`` adds one colour bar for the whole grid.
    """
    import matplotlib.pyplot as plt

    images = as_images(images, image_shape)
    columns = min(check_positive_int(columns, "columns"), len(images))
    if titles is not None and len(titles) != len(images):
        raise ValueError(f"titles must give one title per image ({len(images)}); got {len(titles)}")
    vmin = float(images.min()) if vmin is None else vmin
    vmax = float(images.max()) if vmax is None else vmax
    rows = -(-len(images) // columns)
    # The layout in inches, set by hand: matplotlib's layout engines take seconds for a grid of 32 panels.
    title_room = 0.17 * max(len(t.splitlines()) for t in titles) + 0.12 if titles is not None else 0.06
    top, bar = (0.45 if title else 0.05), (1.1 if colorbar_label else 0.0)
    width = panel_size * columns * 1.08 + bar + 0.1
    height = (panel_size + title_room) * rows + top
    fig, axes = plt.subplots(rows, columns, squeeze=False, figsize=(width, height))
    fig.subplots_adjust(left=0.05 / width, right=1 - (bar + 0.05) / width, bottom=0.05 / height,
                        top=1 - (top + title_room) / height, wspace=0.08, hspace=title_room / panel_size)
    shown = None
    for k, ax in enumerate(axes.flat):
        ax.set_axis_off()
        if k >= len(images):
            continue
        shown = ax.imshow(images[k], cmap=cmap, vmin=vmin, vmax=vmax, origin="upper", interpolation="nearest")
        if titles is not None:
            ax.set_title(titles[k], fontsize=9, pad=3)
    if title:
        fig.suptitle(title, y=1 - 0.08 / height, va="top")
    if colorbar_label:
        fig.colorbar(shown, cax=fig.add_axes([1 - (bar - 0.15) / width, 0.15, 0.18 / width, 0.65]),
                     label=colorbar_label)
    return fig


def digit_grid(images, labels, predicted=None, *, columns=10, title=None, image_shape=(8, 8), vmax=None):
    """Digits with their labels: "3", or "true 3 / said 8" where ``predicted`` is given."""
    labels = np.asarray(labels)
    if predicted is None:
        titles = [f"{int(label)}" for label in labels]
    else:
        titles = [f"true {int(t)}\nsaid {int(p)}" for t, p in zip(labels, np.asarray(predicted))]
    return image_grid(images, titles=titles, columns=columns, title=title, image_shape=image_shape,
                      vmin=0.0, vmax=vmax)


def weight_cmap():
    """The diverging colour map of weights: vermillion below 0, white at 0, blue above."""
    from matplotlib.colors import LinearSegmentedColormap

    return LinearSegmentedColormap.from_list("nnlib_weights", WEIGHT_COLORS)


def weight_grid(W, *, image_shape=(8, 8), columns=8, title=None):
    """The rows of a first-layer weight matrix W (n_units, n_pixels), each drawn as an image.

    Row j holds the weights from every pixel to hidden unit j, so its image shows which pixels push
    that unit up (blue) and which push it down (vermillion). The colour range is symmetric, ±max|W|,
    so white is exactly 0.
    """
    W = as_float_array(W, "W")
    if W.ndim != 2:
        raise ValueError(f"W must be a weight matrix of shape (n_units, n_pixels); got shape {W.shape}")
    limit = float(np.max(np.abs(W))) or 1.0
    titles = [f"unit {j + 1}" for j in range(len(W))]
    return image_grid(W, titles=titles, columns=columns, cmap=weight_cmap(), vmin=-limit, vmax=limit,
                      image_shape=image_shape, title=title, colorbar_label="weight")


@fits_column
def confusion_figure(matrix, *, class_names=None, title="Confusion matrix", height=540):
    """A confusion matrix as a Plotly heat map: true class down the side (0 at the top), prediction across.

    The diagonal (right answers) is blue, the other cells (mistakes) vermillion, each on its own scale,
    so that a single mistake still shows next to diagonals of thirty or more; cells with no samples
    stay empty (light grey). Every non-empty cell shows its count.
    """
    import plotly.graph_objects as go

    matrix = as_float_array(matrix, "matrix")
    if matrix.ndim != 2 or matrix.shape[0] != matrix.shape[1]:
        raise ValueError(f"matrix must be a square confusion matrix; got shape {matrix.shape}")
    k = len(matrix)
    names = [str(c) for c in range(k)] if class_names is None else [str(c) for c in class_names]
    if len(names) != k:
        raise ValueError(f"class_names must name all {k} classes; got {len(names)}")
    diagonal = np.eye(k, dtype=bool)
    correct = np.where(diagonal, matrix, np.nan)
    mistakes = np.where(~diagonal & (matrix > 0), matrix, np.nan)
    hover = "true %{y}, predicted %{x}: %{z} samples<extra></extra>"
    empty = np.where(~diagonal & (matrix == 0), 0.0, np.nan)
    fig = go.Figure()
    fig.add_trace(go.Heatmap(z=empty, x=names, y=names, colorscale=[[0.0, EMPTY_CELL], [1.0, EMPTY_CELL]],
                             showscale=False, name="none", xgap=2, ygap=2, hovertemplate=hover))
    fig.add_trace(go.Heatmap(z=correct, x=names, y=names, colorscale=CORRECT_COLORSCALE, zmin=0,
                             zmax=max(float(np.nanmax(correct)), 1.0), showscale=False, name="right", xgap=2, ygap=2,
                             texttemplate="%{z}", textfont={"color": "white"}, hovertemplate=hover))
    fig.add_trace(go.Heatmap(z=mistakes, x=names, y=names, colorscale=MISTAKE_COLORSCALE, zmin=0,
                             zmax=max(float(np.nanmax(mistakes)) if np.any(~np.isnan(mistakes)) else 0.0, 1.0),
                             showscale=False, name="wrong", xgap=2, ygap=2, texttemplate="%{z}",
                             textfont={"color": "black"}, hovertemplate=hover))
    fig.update_layout(
        title={"text": title, "x": 0.02, "xanchor": "left"}, template="plotly_white", autosize=True, height=height,
        xaxis={"title": {"text": "predicted class"}, "side": "top", "type": "category", "constrain": "domain",
               "showgrid": False},
        yaxis={"title": {"text": "true class"}, "autorange": "reversed", "type": "category", "scaleanchor": "x",
               "constrain": "domain", "showgrid": False},
        margin={"l": 70, "r": 20, "t": 110, "b": 20})
    return fig

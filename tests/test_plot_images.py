"""nnlib.plot.images: the numbers behind the digit, weight and confusion-matrix figures."""

import numpy as np
import pytest

pytest.importorskip("matplotlib")
pytest.importorskip("plotly")
import matplotlib  # noqa: E402

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402

from nnlib import plot  # noqa: E402
from nnlib.diagnostics.metrics import confusion_matrix  # noqa: E402
from nnlib.plot import palette


@pytest.fixture(autouse=True)
def close_figures():
    yield
    plt.close("all")


def drawn_arrays(fig):
    return [ax.images[0].get_array() for ax in fig.axes if ax.images]


def test_an_image_is_drawn_with_row_0_at_the_top_and_column_0_at_the_left():
    image = np.zeros((8, 8))
    image[0, :] = 1.0   # the top row is ink
    image[:, 7] = 0.5   # and the right-hand column grey
    fig = plot.image_grid([image], columns=1)
    ax = fig.axes[0]
    np.testing.assert_array_equal(drawn_arrays(fig)[0], image)
    fig.canvas.draw()
    # In display coordinates y grows upwards: row 0 must be drawn above row 7, column 0 left of column 7.
    (x0, y_row0), (x7, y_row7) = ax.transData.transform([(0, 0), (7, 7)])
    assert y_row0 > y_row7 and x0 < x7


def test_rows_of_pixels_are_reshaped_row_by_row():
    flat = np.arange(64.0)[None, :]          # pixel k = row k // 8, column k % 8
    images = plot.as_images(flat)
    assert images.shape == (1, 8, 8) and images[0, 1, 0] == 8 and images[0, 0, 7] == 7
    with pytest.raises(ValueError, match=r"images must have shape \(n, 8, 8\) or \(n, 64\)"):
        plot.as_images(np.zeros((2, 63)))


def test_digit_grid_titles_and_one_grey_scale_for_all_images():
    rng = np.random.default_rng(0)
    images = rng.uniform(0, 16, size=(12, 64))
    fig = plot.digit_grid(images, labels=np.arange(12) % 10, columns=5, vmax=16)
    assert len(fig.axes) == 15                                   # 3 rows of 5, the last 3 panels empty
    drawn = [ax for ax in fig.axes if ax.images]
    assert len(drawn) == 12
    assert [ax.get_title() for ax in drawn[:3]] == ["0", "1", "2"]
    assert all(ax.images[0].get_clim() == (0.0, 16.0) for ax in drawn)
    assert all(ax.images[0].get_cmap().name == "gray_r" for ax in drawn)
    np.testing.assert_array_equal(drawn[11].images[0].get_array(), images[11].reshape(8, 8))


def test_digit_grid_with_predictions_names_both_labels():
    fig = plot.digit_grid(np.zeros((2, 64)), labels=[3, 9], predicted=[8, 4])
    assert [ax.get_title() for ax in fig.axes if ax.images] == ["true 3\nsaid 8", "true 9\nsaid 4"]
    with pytest.raises(ValueError, match="one title per image"):
        plot.image_grid(np.zeros((2, 64)), titles=["a"])


def test_weight_grid_shows_row_j_of_W_as_unit_j_on_a_symmetric_scale():
    rng = np.random.default_rng(1)
    W = rng.normal(size=(6, 64))
    W[2, 5] = -4.0                                               # the largest |w|
    fig = plot.weight_grid(W, columns=3)
    drawn = [ax for ax in fig.axes if ax.images]
    assert len(drawn) == 6 and drawn[2].get_title() == "unit 3"
    for j, ax in enumerate(drawn):
        np.testing.assert_array_equal(ax.images[0].get_array(), W[j].reshape(8, 8))
        assert ax.images[0].get_clim() == (-4.0, 4.0)
    cmap = drawn[0].images[0].get_cmap()
    # The palette's class 0 colour at the most negative weight, white at 0, class 1's colour at the most positive.
    to_hex = matplotlib.colors.to_hex
    assert to_hex(cmap(0.0)) == palette.CLASS_COLORS[0].lower()
    assert to_hex(cmap(1.0)) == palette.CLASS_COLORS[1].lower()
    assert np.allclose(cmap(0.5)[:3], 1.0, atol=0.01)          # white, to the 256 colours' resolution
    [bar] = [ax for ax in fig.axes if not ax.images and ax.collections]   # the one colour bar, for all panels
    assert bar.get_ylim() == (-4.0, 4.0) and bar.get_ylabel() == "weight"


def test_confusion_figure_puts_truth_down_the_side_with_class_0_at_the_top():
    labels = np.array([0, 0, 0, 1, 1, 2, 2, 2, 2])
    predicted = np.array([0, 0, 1, 1, 1, 2, 2, 0, 2])
    C = confusion_matrix(labels, predicted, 3)
    fig = plot.confusion_figure(C)
    empty, right, wrong = fig.data
    assert (empty.name, right.name, wrong.name) == ("none", "right", "wrong")
    z_right, z_wrong = np.array(right.z, dtype=float), np.array(wrong.z, dtype=float)
    # z[i][j] is row i = true class i, column j = predicted j; the diagonal in one trace, mistakes in the other.
    np.testing.assert_array_equal(np.diag(z_right), [2, 2, 3])
    assert np.isnan(z_right[~np.eye(3, dtype=bool)]).all()
    assert z_wrong[0, 1] == 1 and z_wrong[2, 0] == 1          # a 0 said to be 1, a 2 said to be 0
    assert np.isnan(z_wrong[np.eye(3, dtype=bool)]).all() and np.isnan(z_wrong[1, 0])   # empty cells stay empty
    assert np.nansum(z_right) + np.nansum(z_wrong) == C.sum()
    z_empty = np.array(empty.z, dtype=float)                   # the cells with no samples, in light grey
    assert np.array_equal(~np.isnan(z_empty), (C == 0) & ~np.eye(3, dtype=bool))
    assert list(right.y) == ["0", "1", "2"] and list(right.x) == ["0", "1", "2"]
    assert fig.layout.yaxis.autorange == "reversed"            # row 0 at the top, as the matrix is printed
    assert fig.layout.yaxis.title.text == "true class" and fig.layout.xaxis.title.text == "predicted class"
    assert right.colorscale[-1][1] == palette.CLASS_COLORS[1] and wrong.colorscale[-1][1] == palette.CLASS_COLORS[0]
    assert fig.layout.width is None                            # fills its container


def test_confusion_figure_without_mistakes_and_bad_input():
    fig = plot.confusion_figure(np.eye(3) * 4)
    assert np.isnan(np.array(fig.data[2].z, dtype=float)).all()
    with pytest.raises(ValueError, match="square"):
        plot.confusion_figure(np.zeros((2, 3)))
    with pytest.raises(ValueError, match="class_names must name all 3"):
        plot.confusion_figure(np.eye(3), class_names=["a", "b"])

"""The numbers behind the playground's pictures: each PNG it makes, decoded, is the network's output where it is drawn.

Every expectation here is computed afresh from the network's weights with numpy (no
``grid_values``, no ``scaled``, no ``upsample``): a pixel's point of the plane comes from
where the pixel is in the picture (x₁ to the right, x₂ upwards), its value from a
forward pass to the neuron at that point, and the picture's value from decoding the
PNG bytes back through the colour table. So a picture flipped, transposed, taken
from the wrong layer or before the activation fails here.
"""

import base64
import io
import re

import numpy as np
import pytest
from PIL import Image

from nnlib.playground import Playground, draw
from nnlib.playground.app import PlaygroundApp
from nnlib.playground.frame import PICTURE, frame, points

# the inputs computed from the point, written out again here
INPUTS = {"x1": lambda x, y: x, "x2": lambda x, y: y, "x1sq": lambda x, y: x ** 2}


def decode(png_bytes, table, levels=draw.LEVELS):
    """The values −1 … 1 a PNG drawn with the first ``levels`` colours of a table stands for (index 0 is −1,
    ``levels`` − 1 is 1); each pixel must be a colour of the table."""
    rgb = np.asarray(Image.open(io.BytesIO(png_bytes)).convert("RGB")).astype(int)
    distance = ((rgb[:, :, None, :] - np.asarray(table, dtype=int)[None, None]) ** 2).sum(axis=-1)
    assert distance.min(axis=-1).max() == 0, "a pixel that is not a colour of the table"
    return distance.argmin(axis=-1) / ((levels - 1) / 2) - 1


def nodes(pg):
    """The grid's points as a picture has them: (x₁, x₂) with x₁ growing to the right, x₂ upwards (row 0 on top)."""
    return np.meshgrid(pg.xs, pg.ys[::-1])


def assert_picture(values, expected):
    """A picture (h, w) of values −1 … 1 drawn from ``expected`` (g, g), its value at the grid's points.

    Its corners are the grid's corners and it is g × g stretched evenly, so a pixel
    that falls on a point of the grid has that point's value, up to the colour table's
    step (1/32: within 1/64), and any other pixel lies between the values of the four
    points of the grid around it (bilinear interpolation does not overshoot).
    """
    (h, w), g = values.shape, len(expected)
    rows, columns = np.arange(h) * (g - 1) / (h - 1), np.arange(w) * (g - 1) / (w - 1)
    r0, c0 = np.minimum(rows.astype(int), g - 2), np.minimum(columns.astype(int), g - 2)
    around = np.stack([expected[np.ix_(r0 + a, c0 + b)] for a in (0, 1) for b in (0, 1)])
    step = 1 / 64 + 1e-9
    outside = (values < around.min(axis=0) - step) | (values > around.max(axis=0) + step)
    assert not outside.any(), f"{outside.sum()} pixels lie outside the values of the grid's points around them"
    on_grid = np.ix_(np.isclose(rows, np.round(rows)), np.isclose(columns, np.round(columns)))
    exact = expected[np.ix_(np.round(rows[on_grid[0].ravel()]).astype(int),
                            np.round(columns[on_grid[1].ravel()]).astype(int))]
    np.testing.assert_allclose(values[on_grid], exact, atol=step)


def forward(pg, x, y, column):
    """The values of every neuron of layer ``column`` (0: the inputs) at the points (x, y): numpy from the weights."""
    values = np.stack([INPUTS[name](x, y) for name in pg.settings.features], axis=-1)
    dense = [layer for layer in pg.net.layers if layer.parameters()]
    for i, layer in enumerate(dense[:column]):
        z = values @ layer.W.T + layer.b
        values = 1 / (1 + np.exp(-z)) if i == len(dense) - 1 else np.tanh(z)
    return values


@pytest.fixture(scope="module")
def trained():
    """A network of two tanh layers on the moons (not symmetric in x₁ and x₂, nor about either axis)."""
    return Playground("dataset=moons;features=x1,x2,x1sq;hidden=4,3;lr=1;epochs=150").train()


def set_weights(pg, w1, w2):
    """A network without hidden layer whose output is σ(w1·x₁ + w2·x₂)."""
    layer = pg.net.layers[0]
    layer.W[...] = [[w1, w2]]
    layer.b[...] = 0.0
    return pg


@pytest.mark.parametrize("weights, bright", [((0.0, 4.0), "top"), ((4.0, 0.0), "right")])
def test_the_regions_are_the_plane_with_x1_to_the_right_and_x2_upwards(weights, bright):
    pg = set_weights(Playground("dataset=blobs;hidden=none"), *weights)
    p = (decode(frame(pg)["regions"], draw.REGION_TABLE) + 1) / 2  # p(class 1) of every pixel
    if bright == "top":  # the output rises with x2: class 1's colour along the top row, class 0's along the bottom
        edge, far, constant = p[0], p[-1], p.std(axis=1)
    else:  # the output rises with x1: class 1's colour along the right column
        edge, far, constant = p[:, -1], p[:, 0], p.std(axis=0)
    assert edge.min() > 0.95 and far.max() < 0.05
    assert constant.max() == 0  # and nothing changes along the other direction
    assert tuple(np.asarray(Image.open(io.BytesIO(frame(pg)["regions"])).convert("RGB"))[0, -1]) == tuple(
        draw.REGION_TABLE[-1])  # the corner top right is class 1's tint itself


def test_every_pixel_of_the_regions_is_the_output_at_its_point(trained):
    pg = trained
    v = decode(frame(pg)["regions"], draw.REGION_TABLE)  # 2p − 1
    p = forward(pg, *nodes(pg), 3)[:, :, 0]
    assert p.min() < 0.05 and p.max() > 0.95  # a network that has decided somewhere
    assert v.shape == (193, 193)  # 4 pixels between two points of the grid
    assert_picture(v, 2 * p - 1)


def test_the_points_are_drawn_where_their_coordinates_say_over_the_output_there(trained):
    pg = trained
    svg = points(pg)
    found = re.findall(r"<circle cx='([-\d.]+)' cy='([-\d.]+)'|<rect x='([-\d.]+)' y='([-\d.]+)'", svg)
    assert len(found) == len(pg.X_train)  # in the order of the points: circles for class 0, squares for class 1
    np.testing.assert_array_equal([0 if a else 1 for a, _, _, _ in found], pg.y_train)
    at = np.array([(float(a), float(b)) if a else (float(c) + 3.2, float(d) + 3.2) for a, b, c, d in found])
    # back from pixels of the PICTURE × PICTURE picture to the plane: x1 from the left, x2 from the bottom
    x = pg.xs[0] + at[:, 0] / PICTURE * (pg.xs[-1] - pg.xs[0])
    y = pg.ys[-1] - at[:, 1] / PICTURE * (pg.ys[-1] - pg.ys[0])
    pixel = (pg.xs[-1] - pg.xs[0]) / PICTURE
    np.testing.assert_allclose(np.column_stack([x, y]), pg.X_train, atol=0.11 * pixel)  # written to 0.1 px
    # and the regions picture, stretched over the same square, has the network's output under each point
    p = (decode(frame(pg)["regions"], draw.REGION_TABLE) + 1) / 2
    size = p.shape[0]
    rows, columns = (np.clip(np.floor(at[:, k] / PICTURE * size), 0, size - 1).astype(int) for k in (1, 0))
    under = p[rows, columns]
    expected = forward(pg, pg.X_train[:, 0], pg.X_train[:, 1], 3)[:, 0]
    # a pixel is 1/193 of the plane: the output may change by a little over one pixel
    np.testing.assert_allclose(under, expected, atol=0.08)
    assert np.mean(np.abs(under - expected) < 0.03) > 0.9


@pytest.mark.parametrize("chosen", [(0, 0), (0, 2), (1, 2), (2, 1), (3, 0)],
                         ids=["input x1", "input x1sq", "layer 1", "layer 2", "output"])
def test_the_large_picture_of_a_neuron_is_its_value_over_the_plane(trained, chosen):
    pg, (column, unit) = trained, chosen
    v = decode(frame(pg, chosen)["neuron"], draw.NEURON_TABLE)
    value = forward(pg, *nodes(pg), column)[:, :, unit]
    if column == 0:  # an input: by its largest |value| over the plane (x1² runs from white to class 1's colour)
        expected = value / np.abs(value).max()
    elif column == 3:  # the output's probability: 0 … 1 drawn as −1 … 1
        expected = 2 * value - 1
    else:  # a tanh neuron: −1 … 1 as it is
        expected = value
    assert np.ptp(expected) > 0.9  # a neuron that changes over the plane
    assert_picture(v, expected)


def layer_image(svg, column):
    """The diagram's picture of layer ``column``: its pixels' values and where it is drawn."""
    found = re.search(rf"<image x='(\d+)' y='(\d+)' width='(\d+)' height='(\d+)' class='layer' "
                      rf"data-column='{column}' href='data:image/png;base64,([^']*)'", svg)
    left, top, width, height = map(int, found.groups()[:4])
    table = np.vstack([draw.NEURON_TABLE, [[255, 255, 255]]])  # the last colour: the transparent gaps
    values = decode(base64.b64decode(found.group(5)), table)
    assert values.shape == (height, width)  # drawn at its size: a pixel of the PNG is a pixel of the diagram
    return values, left, top


@pytest.mark.parametrize("column, unit", [(1, 0), (1, 3), (2, 2), (3, 0)])
def test_each_small_picture_in_the_diagram_is_its_neuron_where_the_diagram_frames_it(trained, column, unit):
    pg = trained
    app = PlaygroundApp(pg.settings)
    app.playground.net = pg.net
    app.draw()
    svg = app.diagram.value
    frame_ = re.search(rf"<rect x='(\d+)' y='(\d+)' width='(\d+)' height='\d+'[^>]* class='neuron' "
                       rf"data-column='{column}' data-unit='{unit}'", svg)
    x0, y0, size = map(int, frame_.groups())
    values, left, top = layer_image(svg, column)
    v = values[y0 - top:y0 - top + size, x0 - left:x0 - left + size]
    value = forward(pg, *nodes(pg), column)[:, :, unit]
    expected = 2 * value - 1 if column == 3 else value
    assert np.ptp(expected) > 0.9
    assert_picture(v, expected)

"""nnlib.playground.draw and .diagram: the pictures' numbers (PNG pixels, SVG shapes), checked without a browser."""

import io
import itertools
import re

import numpy as np
import pytest
from PIL import Image

from nnlib.playground import draw
from nnlib.playground.diagram import MAX_LINES, diagram_svg, layout, neuron_names, neuron_pictures, positions, scaled
from nnlib.playground.layout import PICTURES_WIDTH
from nnlib.playground.model import GRID, Playground
from nnlib.playground.settings import FEATURES, LIMITS
from nnlib.plot.palette import CLASS_COLORS, CLASS_TINTS


def rgb(colour):
    return tuple(int(colour[i:i + 2], 16) for i in (1, 3, 5))


def pixels(png_bytes):
    return np.asarray(Image.open(io.BytesIO(png_bytes)).convert("RGB"))


def test_png_round_trips_through_a_real_decoder():
    rng = np.random.default_rng(0)
    truecolour = rng.integers(0, 256, size=(5, 7, 3), dtype=np.uint8)
    np.testing.assert_array_equal(pixels(draw.png(truecolour)), truecolour)
    table = np.array([[255, 0, 0], [0, 255, 0], [0, 0, 255]], dtype=np.uint8)
    indices = rng.integers(0, 3, size=(4, 6)).astype(np.uint8)
    np.testing.assert_array_equal(pixels(draw.png(indices, table)), table[indices])


def test_colour_tables_run_through_the_palette():
    assert tuple(draw.NEURON_TABLE[0]) == rgb(CLASS_COLORS[0]) and tuple(draw.NEURON_TABLE[-1]) == rgb(CLASS_COLORS[1])
    assert tuple(draw.REGION_TABLE[0]) == rgb(CLASS_TINTS[0]) and tuple(draw.REGION_TABLE[-1]) == rgb(CLASS_TINTS[1])
    np.testing.assert_array_equal(draw.levels_of([-1.0, 0.0, 1.0, -5.0, 5.0, np.nan]),
                                  [0, 32, 64, 0, 64, 32])


def test_upsample_is_bilinear_and_keeps_the_grid_values():
    Z = np.random.default_rng(1).normal(size=(6, 6))
    up = draw.upsample(Z, 4)
    assert up.shape == (21, 21)
    np.testing.assert_allclose(up[::4, ::4], Z)
    np.testing.assert_allclose(up[2, 2], Z[:2, :2].mean())
    np.testing.assert_allclose(up[0, 1], 0.75 * Z[0, 0] + 0.25 * Z[0, 1])


def test_regions_are_coloured_by_the_output_with_the_largest_y_on_top():
    p = np.zeros((GRID, GRID))
    p[GRID // 2 + 1:, :] = 1.0  # class 1 wherever y is above the middle
    image = pixels(draw.regions_png(p))
    assert image.shape == ((GRID - 1) * draw.UPSAMPLE + 1,) * 2 + (3,)
    assert tuple(image[0, 0]) == rgb(CLASS_TINTS[1]) and tuple(image[-1, 0]) == rgb(CLASS_TINTS[0])
    soft = pixels(draw.regions_png(np.full((GRID, GRID), 0.5)))
    assert tuple(soft[10, 10]) == rgb(draw.MIDDLE)  # undecided: white
    hard = pixels(draw.regions_png(np.full((GRID, GRID), 0.51), discrete=True))
    assert tuple(hard[10, 10]) == rgb(CLASS_TINTS[1])  # discretised: the class only


def test_three_class_regions_mix_the_tints_by_probability():
    p = np.zeros((GRID, GRID, 3))
    p[:, :, 2] = 1.0
    p[0, :, :] = [0.5, 0.5, 0.0]  # the bottom row: half class 0, half class 1
    image = pixels(draw.regions_png(p))
    assert tuple(image[0, 0]) == rgb(CLASS_TINTS[2])
    mix = (np.array(rgb(CLASS_TINTS[0])) + np.array(rgb(CLASS_TINTS[1]))) / 2
    np.testing.assert_allclose(image[-1, 0], mix, atol=1)
    assert tuple(pixels(draw.regions_png(p, discrete=True))[-1, 0]) in (rgb(CLASS_TINTS[0]), rgb(CLASS_TINTS[1]))


def test_points_are_drawn_where_they_are_with_their_class_shape_and_outline():
    xs = ys = np.linspace(-1, 1, GRID)
    X = np.array([[-1.0, -1.0], [0.0, 0.5], [1.0, 1.0]])
    y = np.array([0.0, 1.0, 2.0])
    svg = draw.points_svg(200, xs, ys, [(X, y, "white"), (X[:1], y[:1], "#111")])
    assert "<circle cx='0.0' cy='200.0'" in svg  # (−1, −1) is the bottom-left corner
    assert f"<rect x='{100 - 3.2:.1f}' y='{50 - 3.2:.1f}'" in svg  # (0, 0.5): class 1 is a square
    assert svg.count("<path d='M200.0") == 1  # (1, 1): class 2 is a triangle, at the top-right corner
    assert svg.count(f"fill='{CLASS_COLORS[0]}' stroke='white'") == 1
    assert svg.count(f"fill='{CLASS_COLORS[0]}' stroke='#111'") == 1  # the test point: a dark outline


def test_loss_curves_follow_the_values():
    svg = draw.loss_svg(np.array([1.0, 0.5, 0.25]), np.array([1.0, 0.6, np.nan]), span=10, width=300, height=150)
    assert "train loss 0.250" in svg and "test loss nan" in svg and "10 epochs" in svg
    line = re.search(r"<polyline points='([^']*)'", svg).group(1).split()
    # x: epoch e of 10 at e / 10 of the 256 px wide plot; y: loss 1 at the top (0) of the 104 px high plot
    assert [tuple(map(float, p.split(","))) for p in line] == [(25.6, 0.0), (51.2, 52.0), (76.8, 78.0)]
    assert "press Train" not in draw.loss_svg(np.array([0.5]), np.array([0.5]), 1)
    assert draw.loss_svg(np.empty(0), np.empty(0), 300).count("<polyline") == 0


def test_neuron_pictures_show_each_neuron_over_the_plane():
    pg = Playground("dataset=moons;features=x1,x2,x1sq;hidden=3,2;act=relu").step(3)
    values = pg.grid_values()
    # 49 grid points per axis: at 25 pixels every second one, at 13 every fourth
    pictures = neuron_pictures(values, "relu", [25, 25, 13, 25])
    assert [p.shape for p in pictures] == [(3, 25, 25), (3, 25, 25), (2, 13, 13), (1, 25, 25)]
    first = scaled(values, 1, "relu")[:, 0].reshape(GRID, GRID)
    np.testing.assert_allclose(pictures[1][0], first[::2, ::2], atol=1e-12)
    second = scaled(values, 2, "relu")[:, 1].reshape(GRID, GRID)
    np.testing.assert_allclose(pictures[2][1], second[::4, ::4], atol=1e-12)
    # each feature by its largest |value|
    np.testing.assert_allclose(np.abs(scaled(values, 0, "relu")).max(axis=0), 1.0)
    np.testing.assert_allclose(scaled(values, 3, "relu"), 2 * values[3] - 1)  # the output's p: 0 … 1
    assert min(p.min() for p in pictures) >= -1 and scaled(values, 1, "relu").min() >= 0  # relu is never negative


def test_a_layer_is_one_image_with_transparent_gaps():
    pictures = np.stack([np.full((4, 4), -1.0), np.full((4, 4), 1.0), np.zeros((4, 4))])
    image = np.asarray(Image.open(io.BytesIO(draw.layer_png(pictures, rows=2, pitch=6))).convert("RGBA"))
    assert image.shape == (12, 12, 4)  # two rows, two columns of 6 pixels
    assert tuple(image[1, 1]) == rgb(CLASS_COLORS[0]) + (255,)  # unit 1: top left, after a 1 pixel gap
    assert tuple(image[7, 1]) == rgb(CLASS_COLORS[1]) + (255,)  # unit 2: below it
    assert tuple(image[1, 7]) == rgb(draw.MIDDLE) + (255,)     # unit 3: the next column
    assert image[0, 0, 3] == 0 and image[7, 7, 3] == 0           # gaps and the empty place: transparent


def test_the_diagram_has_every_neuron_and_every_connection_coloured_by_sign():
    pg = Playground("dataset=xor;features=x1,x2,x1x2;hidden=4,2").step(20)
    pg.net.layers[0].W[0, 0] = 2.0   # a strong positive connection: x1 → layer 1 neuron 1
    pg.net.layers[0].W[1, 0] = -0.1  # a weak negative one
    svg = diagram_svg(pg.net, pg.settings.features, pg.grid_values(), "tanh", chosen=(1, 0))
    assert svg.count("class='neuron'") == 3 + 4 + 2 + 1 and svg.count("class='layer'") == 4  # one image per layer
    assert len(re.findall(r"class='neuron' data-column='0'", svg)) == 3  # the inputs, one per feature
    assert "x₁x₂" in svg and "4 neurons" in svg and "2 neurons" in svg
    paths = re.findall(r"<path d='([^']*)' stroke='(#[0-9A-F]+)' stroke-width='([\d.]+)'", svg)
    segments = {colour: sum(d.count("M") for d, c, _ in paths if c == colour) for colour in CLASS_COLORS[:2]}
    weights = np.concatenate([layer.W.ravel() for layer in pg.net.layers if layer.parameters()])
    assert segments[CLASS_COLORS[1]] == np.sum(weights > 0) and segments[CLASS_COLORS[0]] == np.sum(weights < 0)
    widths = {float(w) for d, c, w in paths}
    assert max(widths) == 0.6 + 4 / 2  # |w| = 2: 4 half-pixel steps
    assert "stroke='#111' stroke-width='3'" in svg  # the chosen neuron's frame


def test_wide_layers_get_small_pictures_and_only_the_strongest_connections():
    pg = Playground("dataset=moons;hidden=64,64")
    svg = diagram_svg(pg.net, pg.settings.features, pg.grid_values(), "tanh")
    assert layout(64)[:2] == (10, 12) and layout(8)[:2] == (36, 44)  # each layer by its own width
    assert "width='36' height='36'" in svg  # the two inputs and the output keep large pictures
    assert svg.count("class='neuron'") == 2 + 64 + 64 + 1
    assert sum(d.count("M") for d in re.findall(r"<path d='([^']*)' stroke='#", svg)) == 128 + MAX_LINES + 64
    assert f"connections: the {MAX_LINES} strongest between two layers (of 4096)" in svg
    width = int(re.search(r"width='(\d+)'", svg).group(1))
    assert width <= 640  # fits an 800 px window


def test_dead_units_are_crossed_out_and_menu_names_every_neuron():
    pg = Playground("dataset=circles;hidden=3;act=relu")
    dead = [np.array([False, True, False])]
    svg = diagram_svg(pg.net, pg.settings.features, pg.grid_values(), "relu", dead=dead)
    assert svg.count("class='dead'") == 1 and "layer 1, neuron 2 (dead)" in svg
    names = neuron_names([2, 3, 3], ("x1", "x2"))
    assert [n for n, _ in names] == ["input x₁", "input x₂", "layer 1, neuron 1", "layer 1, neuron 2",
                                     "layer 1, neuron 3", "output: class 0", "output: class 1", "output: class 2"]
    assert names[3][1] == (1, 1)


@pytest.mark.parametrize("text", ["dataset=xor", "dataset=spiral3;n=90;hidden=5;discrete=1"])
def test_a_diverged_network_still_draws(text):
    pg = Playground(text)
    for p in pg.net.parameters():
        p[...] = np.nan
    values = pg.grid_values()
    assert diagram_svg(pg.net, pg.settings.features, values, "tanh").startswith("<svg")
    output = values[-1].reshape(GRID, GRID, -1)
    assert draw.regions_png(output[:, :, 0] if output.shape[2] == 1 else output).startswith(b"\x89PNG")


def test_a_static_frame_holds_every_picture_and_the_numbers():
    import base64
    import xml.dom.minidom

    from nnlib.playground import static_html
    from nnlib.playground.frame import frame, static_svg

    pg = Playground("dataset=xor;show_test=1").step(30)
    picture = static_svg(pg)
    xml.dom.minidom.parseString(picture.encode("utf-8"))  # well-formed: a browser shows it as an image
    assert picture.count("href='data:image/png;base64,") == 2 + 3  # regions, neuron; one image per layer
    assert picture.count("class='neuron'") == 7 and "epoch 30" in picture
    assert picture.count("stroke='#111' stroke-width='1.4'") == len(pg.X_test) * 2  # test points on both pictures
    page = static_html(pg)
    assert page.startswith("<img src='data:image/svg+xml;base64,")
    assert base64.b64decode(page.split(",", 1)[1].split("'")[0]).decode("utf-8") == picture
    pictures = frame(pg, chosen=(2, 0))
    assert pictures["neuron"] == draw.png(draw.levels_of(draw.upsample(
        2 * pg.grid_values()[2][:, 0].reshape(GRID, GRID) - 1)[::-1]), draw.NEURON_TABLE)
    assert "30" in pictures["losses"] and pictures["summary"] == pg.summary()


def effective_font_sizes(svg, container):
    """The pixel sizes of the SVG's text when it is shown in a container ``container`` px wide (it shrinks to fit)."""
    width = int(re.search(r"<svg [^>]*width='(\d+)'", svg).group(1))
    scale = min(1.0, container / width)
    return [float(size) * scale for size in re.findall(r"font-size='([\d.]+)'", svg)]


@pytest.mark.parametrize("hidden", ["none", "8,8,8,8,8,8", "1,1,1,1,1,1", "16,16,16,16,16,16", "32,32,32,32,32,32",
                                    "64,64,64,64,64,64", "8,64,8,64,8,64", "64"])
@pytest.mark.parametrize("dataset, features", [("xor", "x1"), ("spiral3", ",".join(FEATURES))])
def test_the_diagrams_labels_are_at_least_11_px_in_the_800_px_layout(dataset, features, hidden):
    # At 800 px the pictures' column is PICTURES_WIDTH wide (below the controls); the diagram shrinks to fit it.
    pg = Playground(f"dataset={dataset};features={features};hidden={hidden}")
    svg = diagram_svg(pg.net, pg.settings.features, pg.grid_values(), pg.settings.act)
    sizes = effective_font_sizes(svg, int(PICTURES_WIDTH.rstrip("px")))
    assert sizes and min(sizes) >= 11, f"labels of {min(sizes):.1f} px"


def test_no_network_the_controls_allow_makes_the_diagram_too_wide_for_11_px_labels():
    # The diagram's width depends only on how each layer is laid out (by its width: 1-8, 9-16, 17-32, 33-64) and
    # on the number of layers: every combination up to LIMITS["layers"] hidden layers is tried.
    widest = max(positions([inputs, *hidden, outputs], 24)[4] for layers in range(LIMITS["layers"] + 1)
                 for hidden in itertools.product([8, 16, 32, 64], repeat=layers)
                 for inputs in (1, len(FEATURES)) for outputs in (1, 3))
    assert 12 * min(1.0, int(PICTURES_WIDTH.rstrip("px")) / widest) >= 11, widest

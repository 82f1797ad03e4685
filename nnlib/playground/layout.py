"""Where the app's widgets go: controls above the pictures in a narrow container, beside them in a wide one.

Plain flexbox that wraps, so it needs no knowledge of the window: the controls
(groups of 290 px that wrap, two side by side in a 600 px column) take what is
left next to a column of pictures of fixed width; when less than about 1000 px
is there, the pictures wrap below the controls rather than being cut off.
"""

import ipywidgets as widgets

from .frame import PICTURE

PICTURES_WIDTH = "590px"  # the column of pictures: the diagram, two pictures side by side, the losses


def buttons(guard, train, pause, step, reset):
    """The Train, Pause, Step and Reset buttons, each calling its action through ``guard(action)``."""
    size = {"layout": widgets.Layout(width="92px")}
    made = (widgets.Button(description="Train", button_style="success", icon="play", **size),
            widgets.Button(description="Pause", icon="pause", disabled=True, **size),
            widgets.Button(description="Step", icon="step-forward", tooltip="one epoch", **size),
            widgets.Button(description="Reset", icon="refresh", **size))
    for button, action in zip(made, (train, pause, step, reset)):
        button.on_click(lambda _, action=action: guard(action))
    return made


def picture():
    """A heat map (an Image) with the points (an HTML widget holding an SVG) lying over it: (box, image, points).

    The points change only with the data, the heat map every frame, so they are sent apart.
    """
    image = widgets.Image(format="png", layout=widgets.Layout(width=f"{PICTURE}px", height=f"{PICTURE}px",
                                                               grid_area="picture", margin="0"))
    points = widgets.HTML(layout=widgets.Layout(grid_area="picture", margin="0"))
    box = widgets.GridBox([image, points], layout=widgets.Layout(
        grid_template_columns=f"{PICTURE}px", grid_template_rows=f"{PICTURE}px", grid_template_areas='"picture"'))
    return box, image, points


def export_widgets(app):
    """The Export button and the box it fills with Python that rebuilds the network now (hidden until clicked)."""
    button = widgets.Button(description="Export", icon="download", layout=widgets.Layout(width="92px"),
                            tooltip="Python that rebuilds this network with nnlib")
    area = widgets.Textarea(layout=widgets.Layout(width="100%", height="220px", display="none"))
    note = widgets.HTML(layout=widgets.Layout(display="none"))

    def export():
        area.value = app.playground.snippet()
        area.layout.display = note.layout.display = ""
        note.value = (f"<span style='font-size:12px'>Python that rebuilds the network after {app.playground.epoch} "
                      "epochs with nnlib: copy it into a cell. The weights as numpy arrays: "
                      "<code>app.playground.weights()</code>. Export again for later weights.</span>")

    button.on_click(lambda _: app.messages.guard("top", export))
    return button, area, note


def arrange(app, regions, large):
    """The app's whole widget: buttons and presets, the claim, controls and pictures, the settings string."""
    legend = app.legend
    pictures = widgets.VBox([
        app.diagram,
        widgets.HBox([widgets.VBox([regions, legend]), widgets.VBox([large, app.neuron, app.messages.boxes["neuron"]])],
                     layout=widgets.Layout(flex_flow="row wrap")),
        widgets.HBox([app.losses, app.status], layout=widgets.Layout(flex_flow="row wrap", align_items="center")),
    ], layout=widgets.Layout(flex="0 0 auto", width=PICTURES_WIDTH, max_width="100%"))
    controls = widgets.VBox([app.controls.box], layout=widgets.Layout(flex="1 1 300px", min_width="0"))
    app.export_button, app.export_area, app.export_note = export_widgets(app)
    top = widgets.HBox([app.train_button, app.pause_button, app.step_button, app.reset_button, app.export_button,
                        app.preset,
                        app.messages.boxes["top"]],
                       layout=widgets.Layout(flex_flow="row wrap", align_items="center"))
    settings = app.settings_row = widgets.HBox([app.settings_box, app.apply_button, app.apply_message],
                                               layout=widgets.Layout(flex_flow="row wrap", align_items="flex-start"))
    body = widgets.HBox([controls, pictures], layout=widgets.Layout(flex_flow="row wrap", align_items="flex-start"))
    return widgets.VBox([top, app.claim, app.classroom_note, body, settings, app.export_note, app.export_area,
                         app.pacer.box],
                        layout=widgets.Layout(max_width="100%"))


def show(settings=None):
    """Build a ``PlaygroundApp``, display it, and return it (for ``app.playground`` etc.)."""
    from IPython.display import display

    from .app import PlaygroundApp  # here, not above: the app imports this module

    app = PlaygroundApp(settings)
    display(app.ui)
    return app

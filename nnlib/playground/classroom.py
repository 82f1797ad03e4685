"""Classroom mode: a settings string that hides controls (``hide=``) or locks them (``lock=``).

An instructor shares a string such as ``dataset=circles;hide=noise,optimiser,penalty;lock=dataset``
and the students see only what the lesson needs: a hidden control is not shown, a
locked one is shown but greyed out, and neither can be changed from the widgets (a
change that arrives anyway is put back, with a message). Besides the controls, the
preset menu (``presets``), the Export button (``export``) and the settings box itself
(``settings``) can be hidden or locked; hiding the settings box hides the way out of classroom mode too, which the
note above the controls says. Groups of controls have names: ``hide=training``.
"""

import html

from .settings import SettingsError


def note(settings):
    """The line shown above the controls in classroom mode (empty when nothing is hidden or locked)."""
    if not settings.hide and not settings.lock:
        return ""
    parts = ([f"hidden: {', '.join(settings.hide)}"] if settings.hide else []) + (
        [f"locked: {', '.join(settings.lock)}"] if settings.lock else [])
    way_out = ("the settings box is hidden too" if "settings" in settings.hide else
               "the settings box is locked" if "settings" in settings.lock else
               "remove hide=… and lock=… from the settings box and Apply to see every control")
    return (f"<div style='font-size:12px;color:#444;margin:2px 0'>Classroom mode ({html.escape('; '.join(parts))})"
            f": {way_out}.</div>")


def arrange(app, settings):
    """Show, hide, lock and unlock the app's controls, preset menu and settings box for ``settings``."""
    app.controls.classroom(settings)
    app.preset.layout.display = "none" if "presets" in settings.hide else ""
    app.preset.disabled = "presets" in settings.lock
    app.export_button.layout.display = "none" if "export" in settings.hide else ""
    app.export_button.disabled = "export" in settings.lock
    app.settings_row.layout.display = "none" if "settings" in settings.hide else ""
    app.settings_box.disabled = app.apply_button.disabled = "settings" in settings.lock
    app.classroom_note.value = note(settings)


def check_allowed(app, key):
    """Raise SettingsError (and put the control back) if the control of ``key`` is hidden or locked."""
    settings = app.playground.settings
    if key == "points" and "dataset" in settings.hide + settings.lock:  # using points chooses the data set own
        key = "dataset"
    if key in settings.hide or key in settings.lock:
        app.controls.put_back(key, settings)
        how = "hidden" if key in settings.hide else "locked"
        raise SettingsError(f"{key} is {how} by the settings string (classroom mode): it stays "
                            f"{app.controls.format(key, settings)}")

"""The series' colours, in one place: nnlib.plot, the playground and img/draw.py all use these.

The classes are told apart twice, by colour and by marker shape, so a figure reads the same in
greyscale and for colour-blind readers. The colours are from Okabe and Ito's colour-blind-safe
palette (vermillion, blue, bluish green); heat maps of an output run from a pale tint of class 0
through white to a pale tint of class 1, so points drawn in the strong colours stay visible on them.
"""

CLASS_COLORS = ("#D55E00", "#0072B2", "#009E73")      # class 0, 1, 2: vermillion, blue, bluish green
CLASS_MARKERS = ("o", "s", "^")                         # matplotlib marker of each class
CLASS_SYMBOLS = ("circle", "square", "triangle-up")     # the same shapes in Plotly
CLASS_TINTS = ("#F2B999", "#99C1E0", "#99D8C7")         # pale versions of the class colours, for regions

# Output heat maps, low → high: class 0's tint, white at the middle, class 1's tint (Plotly colorscale form).
BOUNDARY_COLORSCALE = [[0.0, CLASS_TINTS[0]], [0.5, "#F7F7F7"], [1.0, CLASS_TINTS[1]]]

/// One line about each spec key, its default and an example: the one source the JSON Schema's hover help and
/// `docs/spec.md` (`vellum schema --markdown`) are both made from. Keys are looked up as `parent.key` first
/// (the key's meaning where it is written, e.g. `font.size`; `/key` at the top level), then as `key`.
public enum SpecDocumentation {
  /// What a key means, what it is when left out, and a value to show.
  public struct Entry: Sendable {
    public var description: String
    public var defaultValue: String?
    public var example: String?
    /// Range a number written for this key must fall in, as the decoder checks it (the schema says the same).
    public var range: NumberRange?

    init(
      _ description: String, default defaultValue: String? = nil, example: String? = nil, range: NumberRange? = nil
    ) {
      self.description = description
      self.defaultValue = defaultValue
      self.example = example
      self.range = range
    }
  }

  /// Bounds of a number: inclusive or exclusive at each end.
  public struct NumberRange: Sendable {
    public var minimum: Double?
    public var maximum: Double?
    public var exclusiveMinimum = false
    public var exclusiveMaximum = false

    static let nonNegative = NumberRange(minimum: 0)
    static let positive = NumberRange(minimum: 0, exclusiveMinimum: true)
    static let atLeastOne = NumberRange(minimum: 1)
    static let measure = NumberRange(minimum: 0, maximum: Limits.measure)
    static let fraction = NumberRange(minimum: 0, maximum: 1)
  }

  /// The entry for `key` written under `parent` (a key name, or nil at the top level).
  public static func entry(_ key: String, under parent: String?) -> Entry? {
    if let specific = entries[parent.map { "\($0).\(key)" } ?? "/\(key)"] { return specific }
    return entries[key]
  }

  /// Keys of one object that the decoder refuses together (two forms of one setting), by the object's key.
  public static let exclusive: [String: [[String]]] = [
    "ticks": [["step", "values"]],
    "band": [["center", "lower"], ["center", "upper"], ["error", "lower"], ["error", "upper"]],
    "interpolate": [["step", "points"]],
    "bar": [["width", "bar_width"]],
    "errorbar": [["yerr", "lower"], ["yerr", "upper"], ["xerr", "xlower"], ["xerr", "xupper"]],
    "value_labels": [["column", "format"]],
  ]

  /// Objects that need one of several key sets (a band's bounds, an EMA's form), by the object's key.
  public static let requiresOneOf: [String: [[String]]] = [
    "band": [["lower", "upper"], ["center", "error"]],
    "ema": [["alpha"], ["weight"], ["halflife"]],
    "ticks": [["step"], ["values"]],
    "errorbar": [["yerr"], ["xerr"], ["lower", "upper"], ["xlower", "xupper"]],
  ]

  /// Keys the decoder takes only with others (bounds given as a pair, a half-life with its x), by the object's key.
  public static let needs: [String: [String: [String]]] = [
    "errorbar": ["lower": ["upper"], "upper": ["lower"], "xlower": ["xupper"], "xupper": ["xlower"]],
    "ema": ["halflife": ["x"]],
  ]

  static let entries: [String: Entry] = [
    // Figure
    "size": Entry("size in points (text size, or a marker's diameter)", range: .measure),
    "/text": Entry("how SVG carries text: fonts (selectable) or paths (outlines)", default: "fonts"),
    "/data": Entry(
      "named data sources: a path, a glob, {csv|tsv|jsonl|npz|tensorboard: …} or {values: {column: […]}}",
      example: "{runs: runs.csv}"),
    "/size": Entry(
      "figure [width, height]: in, cm, mm, pt/bp; bare numbers are inches", default: "[6.4in, 4.8in]",
      example: "[5in, 3.4in]"),
    "/width": Entry(
      "figure width: a length (in, cm, mm, pt, bp), or column/full for the style's column widths",
      example: "3.5in", range: .nonNegative),
    "/height": Entry("figure height: a length (in, cm, mm, pt, bp)", example: "2.6in"),
    "width": Entry("line width in points (bars: width in x units)", range: .nonNegative),
    "height": Entry("height"),
    "/pad": Entry(
      "margin around the content in multiples of font.size (matplotlib's tight_layout pad)", default: "1.08",
      range: .nonNegative),
    "pad": Entry("gap in points between a text and what it labels", range: .nonNegative),
    "margins": Entry(
      "per-side overrides of pad {left, right, top, bottom}, as lengths (bare numbers are points)",
      default: "pad", example: "{left: 0.6in}"),
    "left": Entry("left side: a length, or a location keyword where a side is meant"),
    "right": Entry("right side: a length, or a location keyword where a side is meant"),
    "top": Entry("top side, or the number of rows kept (top k)"),
    "bottom": Entry("bottom side: a length"),
    "background": Entry("canvas colour, or none", default: "white", example: "\"#ffffff\""),
    "font": Entry("fonts and base size of every label", example: "{family: CMU Serif, size: 10}"),
    "font.family": Entry("text font family (any installed family)", default: "CMU Serif"),
    "font.size": Entry(
      "base font size in points", default: "10",
      range: NumberRange(minimum: 0, maximum: Limits.measure, exclusiveMinimum: true)),
    "family": Entry("font family"),
    "sans": Entry("family for \\textsf", default: "CMU Sans Serif"),
    "mono": Entry("family for \\texttt", default: "CMU Typewriter Text"),
    "math": Entry("family with an OpenType MATH table for $…$", default: "Latin Modern Math"),
    "embed": Entry("embed font subsets in the SVG (@font-face) so browsers draw the same faces", default: "false"),
    "fallback": Entry(
      "families tried first for characters the font lacks (CJK, symbols)",
      default: "WenQuanYi Micro Hei, Noto CJK, DejaVu Sans, Symbola", example: "[WenQuanYi Micro Hei]"),
    "palette": Entry("colour cycle: a named palette or a list of colours", default: "tab10"),
    "text": Entry("the text to draw: a constant or {column: NAME}"),
    "decimate": Entry("thin dense lines to what the output can show", default: "true"),
    "alt": Entry("accessible description, written to the SVG's <desc>"),
    "data": Entry("the data source this reads, by name", example: "runs"),
    "panels": Entry("grid of panels: rows, columns, shared axes, panel labels, spacing"),
    "legend": Entry(
      "legend placement and look (or a list of legends; false hides it)", example: "{location: lower right}"),
    "axes": Entry("one panel, or a list of panels, each with axes, layers and legend"),
    "scales": Entry("figure-wide colour, dash and marker scales (a value keeps one look in every panel)"),
    "colors": Entry(
      "group values pinned to colours (shorthand for scales.color.colors)", example: "{SDPO: \"#2CA02C\"}"),
    "title": Entry("title text (TeX subset) or {text, size, pad}", example: "'Training loss'"),
    "style": Entry("a built-in style (neurips, icml, ieee, …) or a style file", example: "neurips"),
    "aspect": Entry("plot box height/width ratio, or equal"),
    // Data sources
    "csv": Entry("CSV file path(s)"),
    "tsv": Entry("TSV file path(s)"),
    "jsonl": Entry("JSON Lines file path(s)"),
    "npz": Entry("NumPy .npz archive path(s) (np.savez): each 1-D array a column, in the archive's order"),
    "tensorboard": Entry("TensorBoard log folder (columns run, tag, step, wall_time, value)"),
    "values": Entry("inline column values, or explicit tick positions"),
    "path_column": Entry("name of a column holding each row's file path (several files as one table)"),
    "path_pattern": Entry("regular expression with named groups that become columns from each file's path"),
    "missing": Entry("skip rows with a missing plotted value, or break the line there (gap)", default: "skip"),
    // Panels
    "rows": Entry("number of panel rows", range: .atLeastOne),
    "columns": Entry("number of panel columns; in transforms, the columns to use", range: .atLeastOne),
    "share_x": Entry("panels share x limits", default: "false"),
    "share_y": Entry("panels share y limits", default: "false"),
    "labels": Entry("panel labels (true for (a), (b)…) or explicit tick labels"),
    "spacing": Entry("space between decorations, in points"),
    "wspace": Entry("horizontal gap between panels as a fraction of the mean plot width (subplots_adjust)"),
    "hspace": Entry("vertical gap between panels as a fraction of the mean plot height"),
    "width_ratios": Entry("relative widths of the panel columns"),
    "height_ratios": Entry("relative heights of the panel rows"),
    // Axes
    "x": Entry("x axis (label, limits, scale, ticks) or, in a layer, the x column"),
    "y": Entry("y axis or, in a layer, the y column"),
    "x2": Entry("secondary x axis at the top (its own limits, ticks, label, or a function of x)"),
    "y2": Entry("secondary y axis at the right"),
    "layers": Entry("the marks drawn, bottom to top: line, scatter, bar, band, histogram, …"),
    "frame": Entry("the plot's frame {style: box/open/none, width, color}", default: "box, 0.8"),
    "grid": Entry("grid lines: which axis, style, colour, width; polar: circle or polygon"),
    "ticks": Entry(
      "ticks: {step} or {values, labels} or a list on an axis; {direction, length, width, label_size, pad, mirror,"
        + " color} on axes", default: "out, 3.5, 0.8"),
    "minor": Entry("minor ticks", default: "false"),
    "insets": Entry("inset axes inside the panel, each with position, layers and limits"),
    "polar": Entry("polar axes (angle = x, radius = y): start, direction, unit, grid"),
    "label": Entry(
      "label text (TeX subset) or {text, size, pad}; in layers, the legend label", example: "'Loss ($\\log$)'"),
    "limits": Entry("axis limits [low, high] in data units", default: "data range + 5 %", example: "[0, 1]"),
    "scale": Entry(
      "axis scale: linear, log, symlog, logit, categorical; in a legend, the scale listed", default: "linear"),
    "base": Entry("logarithm base", default: "10", range: NumberRange(minimum: 0, exclusiveMinimum: true)),
    "linthresh": Entry("symlog: range around zero drawn linearly", default: "1"),
    "linscale": Entry("symlog: width of the linear range in decades", default: "1"),
    "reverse": Entry("draw the axis from high to low", default: "false"),
    "format": Entry("tick label format: auto, plain, si, percent, scientific or a printf pattern", default: "auto"),
    "decimals": Entry("digits after the decimal point in tick labels", range: NumberRange(minimum: 0, maximum: 12)),
    "rotation": Entry("tick label rotation in degrees, or auto (level → 45° → 90° → every n-th)", default: "0"),
    "color": Entry("colour: a constant (#rrggbb, name, tab:NAME, C0…C9) or {column: NAME} to follow the data"),
    "function": Entry(
      "secondary axis as a function of the primary: {forward, inverse} formulas in x",
      example: "{forward: 1/x, inverse: 1/x}"),
    "forward": Entry("formula from the primary axis to this one"),
    "inverse": Entry("formula from this axis back to the primary"),
    "mirror": Entry("ticks on the opposite side too", default: "false"),
    "direction": Entry(
      "tick direction (in, out, inout), or polar direction (clockwise, counterclockwise)", default: "out"),
    "length": Entry("length in points", range: .measure),
    "label_size": Entry(
      "tick label size in points", range: NumberRange(minimum: 0, maximum: Limits.measure, exclusiveMinimum: true)),
    "which": Entry("which axis the grid follows: x, y or both", default: "both"),
    "position": Entry("inset position [x0, y0, width, height] in axes fractions, or a label position"),
    "zoom": Entry("draw matplotlib's indicate_inset_zoom rectangle and connectors", default: "false"),
    "start": Entry("polar angle of zero: N, E, S, W or degrees; window start", default: "E"),
    "unit": Entry("polar angle unit: radians or degrees", default: "radians"),
    "label_angle": Entry("polar angle of the radius tick labels, in degrees"),
    "coordinates": Entry("text position units: data, axes (fractions) or figure (fractions)", default: "data"),
    // Legend
    "location": Entry("legend location: best, upper right, …, or outside right/left/top/bottom", default: "best"),
    "anchor": Entry("bbox_to_anchor point [x, y] in axes fractions"),
    "entries": Entry("the series listed, in order, by label"),
    "fancybox": Entry("rounded legend frame", default: "true"),
    "font_size": Entry(
      "legend text size in points", range: NumberRange(minimum: 0, maximum: Limits.measure, exclusiveMinimum: true)),
    "handle_length": Entry("legend line handle length in font sizes", default: "2"),
    "handle_height": Entry("legend handle height in font sizes", default: "0.7"),
    "handle_text_pad": Entry("gap between handle and label in font sizes", default: "0.8"),
    "label_spacing": Entry("vertical gap between entries in font sizes", default: "0.5"),
    "column_spacing": Entry("gap between legend columns in font sizes", default: "2"),
    "border_pad": Entry("padding inside the legend frame in font sizes", default: "0.4"),
    "border_axes_pad": Entry("gap between legend and axes in font sizes", default: "0.5"),
    "frame_alpha": Entry("legend frame opacity", default: "0.8"),
    "frame_color": Entry("legend frame edge colour", default: "0.8 grey"),
    "frame_width": Entry("legend frame line width in points", range: .measure),
    // Scales
    "shapes": Entry("pinned marker shapes per value"),
    "dashes": Entry("pinned dash patterns per value"),
    "domain": Entry("the values a scale lists, in order"),
    "map": Entry("colormap name for a continuous colour scale", default: "viridis"),
    "norm": Entry("colour normalisation: linear, log, symlog", default: "linear"),
    "colorbar": Entry("colorbar for a continuous colour scale: label, location, size"),
    "extend": Entry("colorbar arrows for values beyond the limits: neither, min, max, both", default: "neither"),
    "under": Entry("colour for values below the colour limits"),
    "over": Entry("colour for values above the colour limits"),
    "bad": Entry("colour for missing values"),
    "resolve": Entry("scale shared across panels or independent per panel", default: "shared"),
    "shared": Entry("one colorbar for all panels", default: "false"),
    // Marks
    "line": Entry("a line through the points, one per group, with optional markers"),
    "scatter": Entry("markers at the points"),
    "bar": Entry("bars from a baseline, grouped (dodge) or stacked"),
    "band": Entry("a filled band between lower and upper, or center ± error"),
    "area": Entry("a filled area under a line, stackable"),
    "histogram": Entry("numpy-style histogram of a column"),
    "density": Entry("kernel density estimate (scipy's gaussian_kde)"),
    "ecdf": Entry("empirical cumulative distribution"),
    "box": Entry("box plot with matplotlib's whisker rule"),
    "violin": Entry("violin plot (KDE per group)"),
    "strip": Entry("jittered points per category"),
    "heatmap": Entry("cells coloured by value over x and y categories or bins"),
    "errorbar": Entry("error bars, symmetric or asymmetric"),
    "hline": Entry("horizontal reference line at y"),
    "vline": Entry("vertical reference line at x"),
    "hspan": Entry("horizontal band between two y values"),
    "vspan": Entry("vertical band between two x values"),
    "annotate": Entry("text annotation, optionally with an arrow"),
    "id": Entry("stable id for the layer's SVG group (diff-friendly)"),
    "group": Entry("column splitting rows into series"),
    "alpha": Entry("opacity 0…1", default: "1", range: .fraction),
    "marker": Entry(
      "marker shape, size, edge, face, every: a constant or {column: NAME}", example: "{shape: circle, size: 5}"),
    "shape": Entry("marker shape: circle, square, diamond, triangle_up, …, plus, cross"),
    "marker.size": Entry("marker size in points (diameter)"),
    "edge": Entry("marker edge colour"),
    "edge_width": Entry("edge line width in points", range: .measure),
    "face": Entry("marker face colour (none for hollow)"),
    "every": Entry("draw every n-th marker", default: "1", range: .atLeastOne),
    "dash": Entry(
      "dash pattern: solid, dashed, dotted, dashdot, a list of lengths, or {column: NAME}", default: "solid"),
    "step": Entry("step line: pre, post or mid; or a tick or grid step", example: "post", range: .positive),
    "fill": Entry("fill colour"),
    "fill_alpha": Entry("fill opacity", default: "0.3"),
    "line_width": Entry("line width in points", range: .measure),
    "axis": Entry("which axes a layer uses: y2, x2 or [x2, y2]", default: "x, y"),
    "lower": Entry("lower bound column"),
    "upper": Entry("upper bound column"),
    "center": Entry("centre column of a band"),
    "error": Entry("± error column"),
    "xerr": Entry("horizontal error column (or [lower, upper])"),
    "yerr": Entry("vertical error column (or [lower, upper])"),
    "xlower": Entry("left end column of a horizontal error bar"),
    "xupper": Entry("right end column of a horizontal error bar"),
    "cap": Entry("error bar cap length in points", default: "0", range: .measure),
    "error_width": Entry("error bar line width in points", range: .measure),
    "bar_width": Entry("per-bar width column or constant, in x units"),
    "baseline": Entry("value bars and areas start from", default: "0"),
    "dodge": Entry("place groups side by side", default: "true"),
    "stacked": Entry("stack groups", default: "false"),
    "horizontal": Entry("draw horizontally", default: "false"),
    "value_labels": Entry("numbers on the bars: {format, size, pad, column}"),
    "bins": Entry("bin count, edges, or a numpy rule (auto, fd, sturges, …)", default: "10"),
    "range": Entry("range the bins cover [low, high]"),
    "density_norm": Entry("normalise to a density"),
    "weights": Entry("column of weights per row"),
    "weight": Entry("EMA weight (TensorBoard's smoothing) or a column of weights"),
    "cumulative": Entry("cumulative histogram, or the cumulative transform (sum, max, min, count)"),
    "rwidth": Entry("bar width as a fraction of the bin", default: "1"),
    "bandwidth": Entry("KDE bandwidth: scott, silverman or a factor", default: "scott"),
    "cut": Entry("KDE extent beyond the data in bandwidths", default: "3"),
    "gridsize": Entry("KDE evaluation points", default: "200"),
    "whiskers": Entry("whisker reach in IQRs, or percentiles [low, high]", default: "1.5"),
    "fliers": Entry("draw outliers beyond the whiskers", default: "true"),
    "notch": Entry("notched boxes", default: "false"),
    "means": Entry("mark the means", default: "false"),
    "median_color": Entry("median line colour"),
    "inner": Entry("violin interior: box, quartiles, points or none", default: "box"),
    "split": Entry("split violins by a two-valued column"),
    "jitter": Entry(
      "random horizontal spread of strip points, in category widths", default: "0.1", range: .nonNegative),
    "seed": Entry("random seed (jitter, bootstrap), so reruns are identical", default: "0", range: .nonNegative),
    "levels": Entry("number of contour or colour levels"),
    "value": Entry("value column (heatmap, unpivot result)"),
    "annotation_size": Entry("size of the value text in heatmap cells"),
    "arrow": Entry("arrow from the text to a point [x, y]"),
    "arrow_width": Entry("arrow line width in points", range: .measure),
    "nudge": Entry("move labels apart so they do not overlap points or each other", default: "false"),
    "clip": Entry("clip to the plot area", default: "true"),
    "stat": Entry("statistic: mean, median, sum, max, min, count, …"),
    "stats": Entry("statistics to compute: mean, std, sem, ci95, min, max, count, median, quantiles"),
    "complementary": Entry("plot 1 − ECDF", default: "false"),
    "debias": Entry("TensorBoard's debiased EMA", default: "true"),
    "samples": Entry("bootstrap samples", default: "1000"),
    // Transforms
    "transform": Entry("transforms applied in order before drawing", example: "[{filter: {method: SDPO}}]"),
    "filter": Entry("keep rows: col: value, col: [a, b], {in: …}, {not_in: …}, {min, max}, comparisons"),
    "in": Entry("keep rows whose value is one of these"),
    "not_in": Entry("drop rows whose value is one of these"),
    "min": Entry("lowest value kept (inclusive), or the minimum"),
    "max": Entry("highest value kept (inclusive), or the maximum"),
    "<": Entry("keep rows below this value"),
    "<=": Entry("keep rows at or below this value"),
    ">": Entry("keep rows above this value"),
    ">=": Entry("keep rows at or above this value"),
    "!=": Entry("keep rows not equal to this value"),
    "select": Entry("keep only these columns"),
    "rename": Entry("rename columns {old: new}"),
    "unpivot": Entry("wide columns to long rows (pandas melt), by list or regex pattern"),
    "pattern": Entry("regular expression matching column names; named groups become columns"),
    "except": Entry("columns kept as identifiers"),
    "key": Entry("name of the column holding the former column names", default: "key"),
    "spread": Entry("named capture choosing the value column per match"),
    "ema.alpha": Entry(
      "smoothing factor of the seed's EMA form", range: NumberRange(minimum: 0, maximum: 1, exclusiveMaximum: true)),
    "ema.weight": Entry(
      "TensorBoard's smoothing weight (debiased EMA)",
      range: NumberRange(minimum: 0, maximum: 1, exclusiveMaximum: true)),
    "ema": Entry("exponential moving average: alpha, weight or halflife (+ x), by group"),
    "halflife": Entry("EMA half-life in x units"),
    "rolling": Entry("trailing rolling mean or median over window points or window_x x units"),
    "window": Entry("rolling window in points", range: .atLeastOne),
    "window_x": Entry("rolling window in x units"),
    "interpolate": Entry("resample runs onto a common x grid (step or points, from, to)"),
    "points": Entry("number of points"),
    "from": Entry("grid start"),
    "to": Entry("grid end"),
    "aggregate": Entry("group rows by columns and compute statistics"),
    "by": Entry("group-by column(s)"),
    "column": Entry("the column used"),
    "as": Entry("name of the result column(s)"),
    "bin2d": Entry("2-D binning into a grid (heatmaps of counts)"),
    "normalize": Entry("normalise a column (sum, max, minmax, zscore) per group"),
    "method": Entry("method (normalisation, rank method, …)"),
    "sort": Entry("sort rows by columns (stable, missing last)"),
    "ascending": Entry("sort ascending", default: "true"),
    "descending": Entry("sort descending", default: "false"),
    "stack": Entry("each row's span in its x's stack: offset zero, normalize or percent"),
    "offset": Entry("stack offset: zero, normalize or percent", default: "zero"),
    "calculate": Entry("new column from a formula of columns", example: "{expr: 'tokens * 6 * params', as: flops}"),
    "expr": Entry("formula: + − × ÷ ^, parentheses, log, exp, sqrt, abs, min, max, pow; `odd names` in backticks"),
    "rank": Entry("rank within groups (method first)"),
    "k": Entry("number of rows kept per group"),
    "diff": Entry("difference from the row periods before (by group)"),
    "pct_change": Entry("relative change from the row periods before (by group)"),
    "periods": Entry("rows back for diff and pct_change", default: "1"),
    "dropna": Entry("drop rows with missing values (all columns or the listed ones)"),
    "join": Entry("merge another source on key columns: how left or inner (pandas merge)"),
    "on": Entry("join key column(s)"),
    "how": Entry("join kind: left or inner", default: "left"),
    "bin": Entry("numpy histogram bins of a column as centre, start and end columns"),
    "weights_column": Entry("column of weights"),
  ]
}

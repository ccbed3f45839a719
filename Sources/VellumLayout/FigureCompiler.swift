import VellumData
import VellumScene
import VellumSpec

/// Compiles a validated spec and its layer data into a scene of primitive nodes.
public enum FigureCompiler {
  public static func compile(_ spec: FigureSpec, data: [LayerData]) throws -> Scene {
    var resolver = LayerResolver()
    let layers = try resolver.resolve(spec.axes.layers, data: data)
    let axes = spec.axes
    let xTransform = ScaleTransform(axes.x)
    let yTransform = ScaleTransform(axes.y)
    let xExtent = layers.reduce(nil) { merge($0, $1.xExtent(xTransform)) }
    let yExtent = layers.reduce(nil) { merge($0, $1.yExtent(yTransform)) }
    let xLimits = AxisLimits.resolve(
      explicit: axes.x.limits, dataExtent: xExtent, transform: xTransform, reverse: axes.x.reverse)
    let yLimits = AxisLimits.resolve(
      explicit: axes.y.limits, dataExtent: yExtent, transform: yTransform, reverse: axes.y.reverse)

    let font = spec.font
    let setter = TextSetter(
      families: FontFamilies(roman: font.family, sans: font.sans, mono: font.mono, math: font.math))
    _ = try located(at: font.familyLocation) { try setter.set(literal: "0", size: font.size) }
    let decorator = try AxesDecorator(
      spec: axes, xLimits: xLimits, yLimits: yLimits, categories: resolver.categories, setter: setter)
    let canvas = Rect(x: 0, y: 0, width: spec.width, height: spec.height)
    let plot = try located(at: spec.sizeLocation) { try fit(decorator, canvas: canvas, pad: spec.pad * spec.font.size) }
    let decorations = try decorator.decorate(plot: plot)

    let marks = MarkCompiler(xScale: decorations.xScale, yScale: decorations.yScale, plot: plot)
    let compiled = layers.map(marks.compile)
    let legend = try axes.legend.flatMap { legendSpec in
      try LegendLayout(spec: legendSpec, layers: layers, setter: setter)
        .compile(plot: plot, covered: compiled.flatMap(\.points))
    }

    let clipped = [decorations.grid].compactMap { $0 } + compiled.map(\.node)
    var axesChildren: [SceneNode] = [.clip(Clip(rect: plot, children: clipped))]
    axesChildren += [decorations.frame, decorations.xAxis, decorations.yAxis, decorations.title, legend].compactMap {
      $0
    }
    var nodes: [SceneNode] = []
    if let background = spec.background {
      nodes.append(
        .group(
          Group(
            role: "background",
            children: [
              .path(
                PathNode(segments: PathGeometry.rect(canvas), fill: Paint(background.rgb, opacity: background.alpha)))
            ])))
    }
    nodes.append(.group(Group(role: "axes-0", children: axesChildren)))
    var scene = Scene(
      width: spec.width, height: spec.height, nodes: nodes, fontFiles: setter.fontFiles.sorted(),
      glyphOutlines: setter.outlines)
    if spec.font.embed { scene.embeddedFonts = try setter.embeddedFonts() }
    return scene
  }

  /// Shrinks the plot area until every decoration sits inside the canvas with `pad` to spare
  /// (matplotlib's tight_layout); the canvas itself never changes size.
  static func fit(_ decorator: AxesDecorator, canvas: Rect, pad: Double) throws -> Rect {
    let inner = Rect(x: pad, y: pad, width: canvas.width - 2 * pad, height: canvas.height - 2 * pad)
    var plot = inner
    for _ in 0..<8 {
      guard plot.width > 1, plot.height > 1 else { break }
      let used = try decorator.decorate(plot: plot).boxes.reduce(plot) { $0.union($1) }
      let left = plot.minX + (inner.minX - used.minX)
      let right = plot.maxX + (inner.maxX - used.maxX)
      let top = plot.minY + (inner.minY - used.minY)
      let bottom = plot.maxY + (inner.maxY - used.maxY)
      let next = Rect(x: left, y: top, width: right - left, height: bottom - top)
      let moved =
        abs(next.minX - plot.minX) + abs(next.maxX - plot.maxX) + abs(next.minY - plot.minY)
        + abs(next.maxY - plot.maxY)
      plot = next
      if moved < 1e-6 { break }
    }
    guard plot.width > 1, plot.height > 1 else {
      throw VellumError(
        .layout,
        "the figure (\(Int(canvas.width))×\(Int(canvas.height)) pt) is too small for its labels; enlarge 'size' or shrink the text"
      )
    }
    let used = try decorator.decorate(plot: plot).boxes.reduce(plot) { $0.union($1) }
    guard used.minX >= -0.01, used.minY >= -0.01, used.maxX <= canvas.width + 0.01, used.maxY <= canvas.height + 0.01
    else {
      throw VellumError(.layout, "the labels do not fit in the \(Int(canvas.width))×\(Int(canvas.height)) pt figure")
    }
    return plot
  }
}

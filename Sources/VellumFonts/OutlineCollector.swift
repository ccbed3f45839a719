import CVellumText

/// Receives HarfBuzz's draw callbacks for one glyph and keeps them as ``OutlineCommand``s.
final class OutlineCollector {
  var commands: [OutlineCommand] = []

  private static func collector(_ data: UnsafeMutableRawPointer?) -> OutlineCollector {
    Unmanaged<OutlineCollector>.fromOpaque(data!).takeUnretainedValue()
  }

  /// Draw functions shared by every collector; immutable once made.
  nonisolated(unsafe) static let funcs: OpaquePointer = {
    let funcs = hb_draw_funcs_create()!
    hb_draw_funcs_set_move_to_func(
      funcs, { _, data, _, x, y, _ in OutlineCollector.collector(data).commands.append(.move(Double(x), Double(y))) },
      nil, nil)
    hb_draw_funcs_set_line_to_func(
      funcs, { _, data, _, x, y, _ in OutlineCollector.collector(data).commands.append(.line(Double(x), Double(y))) },
      nil, nil)
    hb_draw_funcs_set_quadratic_to_func(
      funcs,
      { _, data, _, cx, cy, x, y, _ in
        OutlineCollector.collector(data).commands.append(.quadratic(Double(cx), Double(cy), Double(x), Double(y)))
      }, nil, nil)
    hb_draw_funcs_set_cubic_to_func(
      funcs,
      { _, data, _, c1x, c1y, c2x, c2y, x, y, _ in
        OutlineCollector.collector(data).commands.append(
          .cubic(Double(c1x), Double(c1y), Double(c2x), Double(c2y), Double(x), Double(y)))
      }, nil, nil)
    hb_draw_funcs_set_close_path_func(
      funcs, { _, data, _, _ in OutlineCollector.collector(data).commands.append(.close) }, nil, nil)
    hb_draw_funcs_make_immutable(funcs)
    return funcs
  }()
}

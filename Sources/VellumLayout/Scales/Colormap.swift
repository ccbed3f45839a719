import VellumScene
import VellumSpec

/// A colormap as matplotlib indexes it: N colours; a value t in [0, 1] takes entry ⌊t·N⌋ (1 takes the last).
struct Colormap {
  var colors: [RGB]

  /// matplotlib's named map: its own table, or for a `_r` suffix the forward table reversed; nil for an unknown name.
  static func named(_ name: String) -> Colormap? {
    let reversed = name.hasSuffix("_r") && ColormapTables.tables[name] == nil
    guard let digits = ColormapTables.tables[reversed ? String(name.dropLast(2)) : name] else { return nil }
    let hex = Array(digits.unicodeScalars.filter { $0.properties.isASCIIHexDigit })
    let colors = stride(from: 0, to: hex.count - 5, by: 6).map { start -> RGB in
      func channel(_ offset: Int) -> Double {
        Double(Int(String(String.UnicodeScalarView(hex[start + offset..<start + offset + 2])), radix: 16)!) / 255
      }
      return RGB(red: channel(0), green: channel(2), blue: channel(4))
    }
    return Colormap(colors: reversed ? colors.reversed() : colors)
  }

  /// matplotlib's `LinearSegmentedColormap.from_list`: `stops` evenly spaced, blended linearly, sampled `count` times.
  init(blending stops: [RGB], count: Int = 256) {
    colors = (0..<count).map { index in
      let t = Double(index) / Double(count - 1) * Double(stops.count - 1)
      let low = min(Int(t), stops.count - 2)
      let f = t - Double(low)
      let (a, b) = (stops[low], stops[low + 1])
      return RGB(
        red: a.red + (b.red - a.red) * f, green: a.green + (b.green - a.green) * f, blue: a.blue + (b.blue - a.blue) * f
      )
    }
  }

  init(colors: [RGB]) { self.colors = colors }

  /// `count` colours taken at evenly spaced points (matplotlib's `resampled` of a listed map): discrete steps.
  func resampled(_ count: Int) -> Colormap {
    Colormap(colors: (0..<count).map { self(Double($0) / Double(count - 1)) ?? colors.last! })
  }

  /// The colour for t in [0, 1]; nil outside (under or over) or for NaN.
  func callAsFunction(_ t: Double) -> RGB? {
    guard !t.isNaN, t >= 0 else { return nil }
    let scaled = t * Double(colors.count)
    if scaled == Double(colors.count) { return colors.last }
    guard scaled < Double(colors.count) else { return nil }
    return colors[Int(scaled)]
  }
}

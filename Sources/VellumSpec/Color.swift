import Foundation

/// An sRGB color with alpha, each channel 0...1.
public struct Color: Sendable, Equatable, Hashable {
  public var red: Double
  public var green: Double
  public var blue: Double
  public var alpha: Double

  public init(red: Double, green: Double, blue: Double, alpha: Double = 1) {
    self.red = red
    self.green = green
    self.blue = blue
    self.alpha = alpha
  }

  public static let black = Color(red: 0, green: 0, blue: 0)
  public static let white = Color(red: 1, green: 1, blue: 1)

  /// matplotlib's default property cycle (tab10), which a series takes when no color is given.
  public static let tab10: [Color] = [
    "#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd",
    "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#17becf",
  ].map { Color(hex: $0)! }

  /// Parses `#rgb`, `#rrggbb`, `#rrggbbaa`.
  public init?(hex: String) {
    var digits = Substring(hex)
    guard digits.first == "#" else { return nil }
    digits = digits.dropFirst()
    if digits.count == 3 { digits = Substring(digits.map { "\($0)\($0)" }.joined()) }
    guard digits.count == 6 || digits.count == 8, let value = UInt64(digits, radix: 16) else { return nil }
    let channels = digits.count == 8 ? value : (value << 8) | 0xff
    red = Double((channels >> 24) & 0xff) / 255
    green = Double((channels >> 16) & 0xff) / 255
    blue = Double((channels >> 8) & 0xff) / 255
    alpha = Double(channels & 0xff) / 255
  }

  /// Parses a hex color, `rgb(r, g, b)` / `rgba(r, g, b, a)` (0–255, alpha 0–1), any of matplotlib's colour names
  /// (single letters, `tab:NAME`, the CSS4 names, `xkcd:NAME`), a cycle reference `C0`…`C9`, or a gray level `'0.8'`.
  public init?(name: String) {
    let key = name.trimmingCharacters(in: .whitespaces).lowercased()
    if let color = Color(hex: key) {
      self = color
      return
    }
    if let color = Color(functional: key) {
      self = color
      return
    }
    if key.count == 2, key.first == "c", let index = Int(key.dropFirst()) {
      self = Color.tab10[index]
      return
    }
    if let level = Double(key), (0...1).contains(level) {
      self = Color(red: level, green: level, blue: level)
      return
    }
    guard let hex = ColorNames.table[key] else { return nil }
    self = Color(hex: hex)!
  }

  private init?(functional text: String) {
    let isRGBA = text.hasPrefix("rgba(")
    guard text.hasSuffix(")"), isRGBA || text.hasPrefix("rgb(") else { return nil }
    let inner = text.dropFirst(isRGBA ? 5 : 4).dropLast()
    let parts = inner.split(separator: ",").map { Double($0.trimmingCharacters(in: .whitespaces)) }
    guard parts.count == (isRGBA ? 4 : 3), parts.allSatisfy({ $0 != nil }) else { return nil }
    let values = parts.map { $0! }
    guard values.prefix(3).allSatisfy({ (0...255).contains($0) }), !isRGBA || (0...1).contains(values[3]) else {
      return nil
    }
    self.init(red: values[0] / 255, green: values[1] / 255, blue: values[2] / 255, alpha: isRGBA ? values[3] : 1)
  }

  /// Named color cycles for `palette` and for a colour scale's `map`.
  public static let palettes: [String: [Color]] = [
    "tab10": tab10,
    "okabe-ito": ["#E69F00", "#56B4E9", "#009E73", "#F0E442", "#0072B2", "#D55E00", "#CC79A7", "#000000"]
      .map { Color(hex: $0)! },
    "tol-bright": ["#4477AA", "#EE6677", "#228833", "#CCBB44", "#66CCEE", "#AA3377", "#BBBBBB"].map { Color(hex: $0)! },
    "tol-muted": ["#CC6677", "#332288", "#DDCC77", "#117733", "#88CCEE", "#882255", "#44AA99", "#999933", "#AA4499"]
      .map { Color(hex: $0)! },
    // matplotlib's qualitative colormaps (ListedColormap colours, in order), from matplotlib itself.
    "tab20": [
      "#1f77b4", "#aec7e8", "#ff7f0e", "#ffbb78", "#2ca02c", "#98df8a", "#d62728", "#ff9896", "#9467bd", "#c5b0d5",
      "#8c564b", "#c49c94", "#e377c2", "#f7b6d2", "#7f7f7f", "#c7c7c7", "#bcbd22", "#dbdb8d", "#17becf", "#9edae5",
    ].map { Color(hex: $0)! },
    "tab20b": [
      "#393b79", "#5254a3", "#6b6ecf", "#9c9ede", "#637939", "#8ca252", "#b5cf6b", "#cedb9c", "#8c6d31", "#bd9e39",
      "#e7ba52", "#e7cb94", "#843c39", "#ad494a", "#d6616b", "#e7969c", "#7b4173", "#a55194", "#ce6dbd", "#de9ed6",
    ].map { Color(hex: $0)! },
    "tab20c": [
      "#3182bd", "#6baed6", "#9ecae1", "#c6dbef", "#e6550d", "#fd8d3c", "#fdae6b", "#fdd0a2", "#31a354", "#74c476",
      "#a1d99b", "#c7e9c0", "#756bb1", "#9e9ac8", "#bcbddc", "#dadaeb", "#636363", "#969696", "#bdbdbd", "#d9d9d9",
    ].map { Color(hex: $0)! },
    "Set1": ["#e41a1c", "#377eb8", "#4daf4a", "#984ea3", "#ff7f00", "#ffff33", "#a65628", "#f781bf", "#999999"].map {
      Color(hex: $0)!
    },
    "Set2": ["#66c2a5", "#fc8d62", "#8da0cb", "#e78ac3", "#a6d854", "#ffd92f", "#e5c494", "#b3b3b3"].map {
      Color(hex: $0)!
    },
    "Set3": [
      "#8dd3c7", "#ffffb3", "#bebada", "#fb8072", "#80b1d3", "#fdb462", "#b3de69", "#fccde5", "#d9d9d9", "#bc80bd",
      "#ccebc5", "#ffed6f",
    ].map { Color(hex: $0)! },
    "Pastel1": ["#fbb4ae", "#b3cde3", "#ccebc5", "#decbe4", "#fed9a6", "#ffffcc", "#e5d8bd", "#fddaec", "#f2f2f2"].map {
      Color(hex: $0)!
    },
    "Pastel2": ["#b3e2cd", "#fdcdac", "#cbd5e8", "#f4cae4", "#e6f5c9", "#fff2ae", "#f1e2cc", "#cccccc"].map {
      Color(hex: $0)!
    },
    "Dark2": ["#1b9e77", "#d95f02", "#7570b3", "#e7298a", "#66a61e", "#e6ab02", "#a6761d", "#666666"].map {
      Color(hex: $0)!
    },
    "Accent": ["#7fc97f", "#beaed4", "#fdc086", "#ffff99", "#386cb0", "#f0027f", "#bf5b17", "#666666"].map {
      Color(hex: $0)!
    },
    "Paired": [
      "#a6cee3", "#1f78b4", "#b2df8a", "#33a02c", "#fb9a99", "#e31a1c", "#fdbf6f", "#ff7f00", "#cab2d6", "#6a3d9a",
      "#ffff99", "#b15928",
    ].map { Color(hex: $0)! },
  ]
}

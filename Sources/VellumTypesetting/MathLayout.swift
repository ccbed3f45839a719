import VellumDiagnostics
import VellumFonts

/// TeX's math styles as far as inline formulas need them: text, script, scriptscript, and cramping.
struct MathStyle {
  /// 0 text, 1 script, 2 scriptscript.
  var level: Int
  var cramped = false

  var script: MathStyle { MathStyle(level: min(level + 1, 2), cramped: cramped) }
  var sub: MathStyle { MathStyle(level: min(level + 1, 2), cramped: true) }
  var numerator: MathStyle { MathStyle(level: min(level + 1, 2), cramped: cramped) }
  var denominator: MathStyle { MathStyle(level: min(level + 1, 2), cramped: true) }
  var crampedSelf: MathStyle { MathStyle(level: level, cramped: true) }
}

/// Lays out formulas following TeX's rules (The TeXbook, appendix G) with the OpenType MATH
/// table's constants in place of TeX's font parameters.
struct MathLayout {
  let typesetter: Typesetter
  let baseSize: Double

  private func face() throws -> FontFace { try typesetter.mathFace() }

  /// The size of `style`: the MATH table's script scale-downs applied to the base size.
  private func size(_ style: MathStyle) throws -> Double {
    let face = try face()
    switch style.level {
    case 0: return baseSize
    case 1: return baseSize * face.mathConstant(.scriptPercentScaleDown) / 100
    default: return baseSize * face.mathConstant(.scriptScriptPercentScaleDown) / 100
    }
  }

  /// A MATH constant scaled to `style`'s size, in points.
  private func constant(_ constant: MathConstant, _ style: MathStyle) throws -> Double {
    let face = try face()
    return face.mathConstant(constant) * (try size(style)) / face.unitsPerEm
  }

  func layout(_ nodes: [MathNode], style: MathStyle) throws -> TypesetBox {
    var atoms: [(mathClass: MathClass?, box: TypesetBox)] = []
    for node in nodes { atoms.append(try atom(node, style: style)) }
    let classes = MathSpacing.resolveBinaries(atoms.compactMap(\.mathClass))
    var classIndex = 0
    var previous: MathClass?
    var box = TypesetBox()
    let mu = try size(style) / 18
    for (mathClass, atomBox) in atoms {
      if mathClass != nil {
        let resolved = classes[classIndex]
        classIndex += 1
        if let previous {
          box.width += MathSpacing.mu(between: previous, and: resolved, inScript: style.level > 0) * mu
        }
        previous = resolved
      }
      box.append(atomBox)
    }
    if atoms.count == 1 {
      box.isCharacter = atoms[0].box.isCharacter
      box.italicCorrection = atoms[0].box.italicCorrection
      box.accentAttachment = atoms[0].box.accentAttachment
    }
    return box
  }

  /// One node as an atom: its spacing class (nil for explicit space) and its box.
  private func atom(_ node: MathNode, style: MathStyle) throws -> (MathClass?, TypesetBox) {
    switch node {
    case .symbol(let text, let mathClass):
      var box = try symbol(text, style: style)
      if mathClass == .op { box = try centeredOnAxis(box, style: style) }
      return (mathClass, box)
    case .text(let text, let textStyle):
      return (.ord, try typesetter.textBox(text, style: textStyle, size: size(style)))
    case .operatorName(let name):
      return (
        .op, try typesetter.shapedBox(name, face: typesetter.mathFace(for: name), size: size(style), features: [])
      )
    case .group(let nodes):
      return (.ord, try layout(nodes, style: style))
    case .scripts(let base, let sup, let sub):
      let (baseClass, baseBox) = try base.map { try atom($0, style: style) } ?? (.ord, TypesetBox())
      return (baseClass ?? .ord, try scripts(baseBox, sup: sup, sub: sub, style: style, isOperator: baseClass == .op))
    case .fraction(let numerator, let denominator):
      // LaTeX wraps \frac in braces, so a fraction spaces like an ordinary atom.
      return (.ord, try fraction(numerator, denominator, style: style))
    case .radical(let body, let degree):
      return (.ord, try radical(body, degree: degree, style: style))
    case .delimited(let left, let body, let right):
      return (.inner, try delimited(left, body, right, style: style))
    case .accent(let accent, let body, let wide):
      return (.ord, try self.accent(accent, body, wide: wide, style: style))
    case .space(let em):
      return (nil, TypesetBox(width: em * (try size(style))))
    }
  }

  private func symbol(_ text: String, style: MathStyle) throws -> TypesetBox {
    // 'ssty' selects the glyph forms the font designs for script sizes.
    let features = style.level > 0 ? ["ssty=\(style.level)"] : []
    return try typesetter.shapedBox(text, face: typesetter.mathFace(for: text), size: size(style), features: features)
  }

  /// Large operators sit centred on the math axis.
  private func centeredOnAxis(_ box: TypesetBox, style: MathStyle) throws -> TypesetBox {
    let shift = (box.height - box.depth) / 2 - (try constant(.axisHeight, style))
    var centered = TypesetBox(width: box.width)
    centered.place(box, dx: 0, dy: -shift)
    centered.italicCorrection = box.italicCorrection
    return centered
  }

  /// Scripts beside a base; on a large operator (∫) the subscript tucks in under the slant.
  private func scripts(_ base: TypesetBox, sup: [MathNode]?, sub: [MathNode]?, style: MathStyle, isOperator: Bool)
    throws -> TypesetBox
  {
    let supBox = try sup.map { try layout($0, style: style.script) }
    let subBox = try sub.map { try layout($0, style: style.sub) }
    // TeX hangs scripts from a character's baseline, but from a compound box's top and bottom.
    // The MATH table gives the drops at the base's size (unlike TeX's script-font parameters).
    var shiftUp = base.isCharacter ? 0 : base.height - (try constant(.superscriptBaselineDropMax, style))
    var shiftDown = base.isCharacter ? 0 : base.depth + (try constant(.subscriptBaselineDropMin, style))
    if let supBox {
      let standard = try constant(style.cramped ? .superscriptShiftUpCramped : .superscriptShiftUp, style)
      shiftUp = max(shiftUp, standard, supBox.depth + (try constant(.superscriptBottomMin, style)))
    }
    if let subBox {
      shiftDown = max(shiftDown, try constant(.subscriptShiftDown, style))
      if supBox == nil { shiftDown = max(shiftDown, subBox.height - (try constant(.subscriptTopMax, style))) }
    }
    if let supBox, let subBox {
      let gap = (shiftUp - supBox.depth) - (subBox.height - shiftDown)
      let minimum = try constant(.subSuperscriptGapMin, style)
      if gap < minimum {
        shiftDown += minimum - gap
        let room = (try constant(.superscriptBottomMaxWithSubscript, style)) - (shiftUp - supBox.depth)
        if room > 0 {
          shiftUp += room
          shiftDown -= room
        }
      }
    }
    var box = base
    box.isCharacter = false
    box.accentAttachment = nil
    var right = base.width
    if let supBox {
      // A slanted letter pushes its superscript right; an operator's slant is already in its advance.
      let x = base.width + (isOperator ? 0 : base.italicCorrection)
      box.place(supBox, dx: x, dy: shiftUp)
      right = max(right, x + supBox.width)
    }
    if let subBox {
      let x = base.width - (isOperator ? base.italicCorrection : 0)
      box.place(subBox, dx: x, dy: -shiftDown)
      right = max(right, x + subBox.width)
    }
    box.width = right + (try constant(.spaceAfterScript, style))
    box.italicCorrection = 0
    return box
  }

  private func fraction(_ numerator: [MathNode], _ denominator: [MathNode], style: MathStyle) throws -> TypesetBox {
    let top = try layout(numerator, style: style.numerator)
    let bottom = try layout(denominator, style: style.denominator)
    let axis = try constant(.axisHeight, style)
    let rule = try constant(.fractionRuleThickness, style)
    var shiftUp = try constant(.fractionNumeratorShiftUp, style)
    var shiftDown = try constant(.fractionDenominatorShiftDown, style)
    let topGap = (shiftUp - top.depth) - (axis + rule / 2)
    let minimumTop = try constant(.fractionNumeratorGapMin, style)
    if topGap < minimumTop { shiftUp += minimumTop - topGap }
    let bottomGap = (axis - rule / 2) - (bottom.height - shiftDown)
    let minimumBottom = try constant(.fractionDenominatorGapMin, style)
    if bottomGap < minimumBottom { shiftDown += minimumBottom - bottomGap }
    // TeX's \nulldelimiterspace (1.2 pt at 10 pt) on each side.
    let side = 0.12 * (try size(style))
    let width = max(top.width, bottom.width)
    var box = TypesetBox(width: width + 2 * side)
    box.place(top, dx: side + (width - top.width) / 2, dy: shiftUp)
    box.place(bottom, dx: side + (width - bottom.width) / 2, dy: -shiftDown)
    box.rules.append(TypesetRule(x: side, y: axis - rule / 2, width: width, height: rule))
    box.height = max(box.height, axis + rule / 2)
    return box
  }

  /// The smallest vertical size variant of `scalar` at least `target` points tall (else the largest).
  private func stretched(_ scalar: Unicode.Scalar, target: Double, style: MathStyle) throws -> TypesetBox {
    let face = try face()
    let pointSize = try size(style)
    guard let base = face.glyph(for: scalar) else {
      throw VellumError(.font, "font '\(face.key.family)' has no glyph for '\(scalar)'")
    }
    let scale = pointSize / face.unitsPerEm
    let variants = face.sizeVariants(base, vertical: true)
    let choice = variants.first { $0.advance * scale >= target }?.glyph ?? variants.last?.glyph ?? base
    if choice == base { return try typesetter.shapedBox(String(scalar), face: face, size: pointSize, features: []) }
    return typesetter.glyphBox(choice, face: face, size: pointSize)
  }

  private func radical(_ body: [MathNode], degree: [MathNode]?, style: MathStyle) throws -> TypesetBox {
    let inner = try layout(body, style: style.crampedSelf)
    let rule = try constant(.radicalRuleThickness, style)
    var gap = try constant(.radicalVerticalGap, style)
    let needed = inner.height + inner.depth + gap + rule
    let sign = try stretched("√", target: needed, style: style)
    let signTotal = sign.height + sign.depth
    if signTotal > needed { gap += (signTotal - needed) / 2 }
    let top = inner.height + gap + rule
    var box = TypesetBox()
    var degreeWidth = 0.0
    if let degree {
      let index = try layout(degree, style: MathStyle(level: 2))
      let before = try constant(.radicalKernBeforeDegree, style)
      let after = try constant(.radicalKernAfterDegree, style)
      let raise = (try face().mathConstant(.radicalDegreeBottomRaisePercent)) / 100 * signTotal
      box.place(index, dx: before, dy: top - signTotal + raise)
      degreeWidth = max(0, before + index.width + after)
    }
    box.place(sign, dx: degreeWidth, dy: top - sign.height)
    let bodyX = degreeWidth + sign.width
    box.place(inner, dx: bodyX, dy: 0)
    box.rules.append(TypesetRule(x: bodyX, y: top - rule, width: inner.width, height: rule))
    box.width = bodyX + inner.width
    box.height = max(box.height, top + (try constant(.radicalExtraAscender, style)))
    return box
  }

  private func delimited(_ left: Unicode.Scalar?, _ body: [MathNode], _ right: Unicode.Scalar?, style: MathStyle) throws
    -> TypesetBox
  {
    let inner = try layout(body, style: style)
    let axis = try constant(.axisHeight, style)
    let pointSize = try size(style)
    // TeX: cover 90.1% of twice the larger extent from the axis, or fall short by at most 0.5 em.
    let reach = max(inner.height - axis, inner.depth + axis)
    let target = max(reach * 2 * 0.901, reach * 2 - 0.5 * pointSize)
    func fence(_ scalar: Unicode.Scalar?) throws -> TypesetBox {
      guard let scalar else { return TypesetBox(width: 0.12 * pointSize) }
      let glyph = try stretched(scalar, target: target, style: style)
      var centered = TypesetBox(width: glyph.width)
      centered.place(glyph, dx: 0, dy: axis - (glyph.height - glyph.depth) / 2)
      return centered
    }
    var box = try fence(left)
    box.append(inner)
    box.append(try fence(right))
    return box
  }

  private func accent(_ accent: Unicode.Scalar, _ body: [MathNode], wide: Bool, style: MathStyle) throws -> TypesetBox {
    let base = try layout(body, style: style.crampedSelf)
    let face = try face()
    let pointSize = try size(style)
    guard let glyph = face.glyph(for: accent) else {
      throw VellumError(
        .font, "font '\(face.key.family)' has no accent U+\(String(accent.value, radix: 16, uppercase: true))")
    }
    let scale = pointSize / face.unitsPerEm
    // Wide accents: the narrowest horizontal variant that spans the base, else the widest.
    let variants = wide ? face.sizeVariants(glyph, vertical: false) : []
    let ink = { (id: UInt32) in face.extents(id).map { ($0.xMax - $0.xMin) * scale } ?? 0 }
    let chosen =
      variants.count > 1 ? (variants.first { ink($0.glyph) >= base.width * 0.9 }?.glyph ?? variants.last!.glyph) : glyph
    let mark = typesetter.glyphBox(chosen, face: face, size: pointSize)
    let markInk = face.extents(chosen)
    let markCenter = mark.accentAttachment ?? ((markInk.map { ($0.xMin + $0.xMax) / 2 } ?? 0) * scale)
    let baseCenter = base.accentAttachment ?? base.width / 2
    // Combining marks are drawn for a base of x-height; raise them by however much taller the base is.
    let raise = max(0, base.height - (try constant(.accentBaseHeight, style)))
    var box = base
    box.place(mark, dx: baseCenter - markCenter, dy: raise)
    box.isCharacter = false
    return box
  }
}

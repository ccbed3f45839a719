import ArgumentParser
import Foundation
import Synchronization
import Vellum
import VellumLint
import VellumScene
import VellumSpec

struct Render: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "render", abstract: "Render specs to files named after each spec.")

  @Argument(
    help:
      "Spec files (YAML or JSON); - reads one from standard input (data paths then resolve against the current folder)."
  )
  var specs: [String]

  @Option(help: "Output folder (default: each spec's folder).")
  var out: String?

  @Option(help: "Comma-separated formats: svg, pdf, png.")
  var format: String = "svg,pdf,png"

  @Option(help: "PNG resolution in dots per inch.")
  var dpi: Double = 300

  @Option(help: "How SVG carries text: fonts (selectable) or paths (outlines); default: the spec's choice.")
  var text: String?

  @Option(help: "Retarget to a style (see `vellum styles`): its fonts and column width win over the spec's.")
  var style: String?

  @Flag(help: "Keep running and render again whenever a spec or its data changes.")
  var watch = false

  @Flag(help: "Treat warnings as errors: print them as errors, write nothing, exit 1.")
  var strict = false

  @Flag(help: "Also run vellum lint's camera-ready checks: findings are warnings (errors with --strict).")
  var lint = false

  @Flag(help: "Write SVG that scales with its page (width=\"100%\", no fixed height), whatever the spec says.")
  var responsive = false

  @Option(
    help: ArgumentHelp(
      "Draw in this theme, whatever the spec says: light, dark, or auto (one SVG that turns dark when the reader's "
        + "browser or system asks; PDF and PNG light).", valueName: "theme"))
  var theme: FigureSpec.Theme?

  @Option(
    help: "Write how the figure looks with a colour-vision deficiency: protanopia, deuteranopia or tritanopia.")
  var simulate: String?

  @Option(help: "Add a data source NAME=PATH (CSV, TSV or JSON Lines), replacing the spec's own of that name.")
  var data: [DataArgument] = []

  @Option(help: "Write this one format (svg, pdf or png) of the one spec to standard output instead of files.")
  var stdout: OutputFormat?

  @Option(help: "Specs rendered at once (default: the number of cores).")
  var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

  func validate() throws {
    guard dpi > 0, dpi <= 2400 else { throw ValidationError("--dpi must be between 1 and 2400") }
    guard jobs >= 1, jobs <= 256 else { throw ValidationError("--jobs must be between 1 and 256") }
    if let text, TextMode(rawValue: text) == nil { throw ValidationError("--text must be fonts or paths") }
    if let style, let message = StyleResolver.argumentMessage(style) { throw ValidationError(message) }
    if let simulate, ColorScience.Deficiency(rawValue: simulate) == nil {
      throw ValidationError("--simulate takes protanopia, deuteranopia or tritanopia")
    }
    try SpecArgument.validate(specs)
    if watch && specs.contains(SpecArgument.stdinName) {
      throw ValidationError("--watch cannot watch a spec read from standard input")
    }
    if stdout != nil {
      guard specs.count == 1 else { throw ValidationError("--stdout writes one spec's figure; \(specs.count) given") }
      guard !watch, out == nil else { throw ValidationError("--stdout writes no files: drop --out and --watch") }
    }
  }

  func run() throws {
    let formats: [OutputFormat]
    do { formats = try stdout.map { [$0] } ?? OutputFormat.parseList(format) } catch {
      throw ValidationError("\(error)")
    }
    var configured = FigureRenderer(dpi: dpi, textMode: text.flatMap(TextMode.init(rawValue:)), style: style)
    if let deficiency = simulate.flatMap(ColorScience.Deficiency.init(rawValue:)) {
      configured.adjustScene = { ColorVisionPreview.apply(deficiency, to: $0) }
    }
    if responsive { configured.responsive = true }
    configured.theme = theme
    let renderer = configured
    if let stdout {
      if let code = renderOne(specs[0], renderer: renderer, formats: [stdout], toStandardOutput: true) {
        Foundation.exit(code)
      }
      return
    }
    // Two specs writing the same file would lose one figure or mix two: refuse before anything is written.
    // The same spec twice would race for its own temporary files.
    var writers: [String: String] = [:]
    for (index, spec) in specs.enumerated() {
      for target in outputs(of: spec, formats: formats) {
        let key = target.resolvingSymlinksInPath().path
        if let other = writers[key] {
          throw ValidationError(
            other == spec || specs[..<index].contains(spec)
              ? "'\(spec)' is named twice; render it once"
              : "'\(other)' and '\(spec)' would both write \(target.path); render them to different folders")
        }
        writers[key] = spec
      }
    }
    // Specs render concurrently, `jobs` at a time; results are reported in the order given.
    let codes = Mutex([Int32?](repeating: nil, count: specs.count))
    let slots = DispatchSemaphore(value: jobs)
    if watch {
      FileHandle.standardOutput.write(
        Data("watching \(specs.count) spec(s) and their data; press Ctrl-C to stop\n".utf8))
    }
    DispatchQueue.concurrentPerform(iterations: specs.count) { index in
      slots.wait()
      defer { slots.signal() }
      let code =
        watch
        ? renderReported(specs[index], renderer: renderer, formats: formats)
        : renderOne(specs[index], renderer: renderer, formats: formats)
      codes.withLock { $0[index] = code }
    }
    let failures = codes.withLock { $0.compactMap { $0 } }
    if watch {
      watchForever(renderer: renderer, formats: formats)
    }
    if let first = failures.first { Foundation.exit(first) }
  }

  /// The files rendering `spec` writes: `<folder>/<spec name>.<format>`.
  private func outputs(of spec: String, formats: [OutputFormat]) -> [URL] {
    let argument = SpecArgument(argument: spec)
    let folder = out.map { URL(fileURLWithPath: $0) } ?? argument.folder
    return formats.map { folder.appendingPathComponent("\(argument.baseName).\($0.rawValue)").standardizedFileURL }
  }

  /// Renders one spec and writes its outputs; on failure prints the error and returns the exit code.
  private func renderOne(
    _ spec: String, renderer: FigureRenderer, formats: [OutputFormat], toStandardOutput: Bool = false
  ) -> Int32? {
    let argument = SpecArgument(argument: spec)
    do {
      let figure = try argument.figure(style: style, extraData: data)
      // An output path that is one of the figure's inputs (a style file among them) would destroy it: a usage
      // error, nothing written.
      let inputs = Set(
        ((argument.isStandardInput ? [] : [URL(fileURLWithPath: spec)]) + figure.inputFiles).map {
          $0.standardizedFileURL.resolvingSymlinksInPath().path
        })
      let targets = outputs(of: spec, formats: formats)
      if !toStandardOutput, let clash = targets.first(where: { inputs.contains($0.resolvingSymlinksInPath().path) }) {
        return usageError(
          "rendering '\(spec)' would overwrite its own input \(clash.path); rename the output or the input"
        ).rawValue
      }
      var (outputs, warnings) = try renderer.renderReporting(figure, formats: formats)
      if lint { warnings += try Linter.lint(figure).map(\.warning) }
      if strict, let first = warnings.first {
        for warning in warnings.dropFirst() { FileHandle.standardError.write(Data("\(warning.asError)\n".utf8)) }
        throw first.asError
      }
      for warning in warnings { FileHandle.standardError.write(Data("\(warning)\n".utf8)) }
      if toStandardOutput {
        FileHandle.standardOutput.write(Data(outputs[formats[0]]!))
        return nil
      }
      let folder = targets[0].deletingLastPathComponent()
      do { try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true) } catch {
        throw VellumError(
          .io, "cannot create output folder '\(folder.path)'", cause: .detail(error.localizedDescription))
      }
      try AtomicOutput.write(zip(targets, formats).map { ($0, outputs[$1]!) })
      return nil
    } catch {
      // An error of the whole figure (a pixel budget, an output folder) has no place in a file: it names the spec.
      let unplaced = (error as? VellumError).map { $0.location == nil } ?? true
      FileHandle.standardError.write(Data("\(unplaced ? "\(spec): " : "")\(error)\n".utf8))
      return (error as? VellumError)?.code.exitCode ?? 3
    }
  }

  /// Renders one spec for `--watch` and says so in one line: the time, the outputs and how long it took, or
  /// that it failed (the error line is printed just before).
  private func renderReported(_ spec: String, renderer: FigureRenderer, formats: [OutputFormat]) -> Int32? {
    let start = Date()
    let code = renderOne(spec, renderer: renderer, formats: formats)
    let now = Calendar.current.dateComponents([.hour, .minute, .second], from: Date())
    let clock = String(format: "%02d:%02d:%02d", now.hour ?? 0, now.minute ?? 0, now.second ?? 0)
    let milliseconds = Int((Date().timeIntervalSince(start) * 1000).rounded())
    let line: String
    if code == nil {
      let written = outputs(of: spec, formats: formats).map(\.lastPathComponent).joined(separator: ", ")
      line = "\(clock) rendered \(spec) → \(written) in \(milliseconds) ms"
    } else {
      line = "\(clock) \(spec) failed (see the error above); the earlier outputs are unchanged"
    }
    // Written at once, unbuffered: a terminal or a log sees each render as it happens.
    FileHandle.standardOutput.write(Data((line + "\n").utf8))
    return code
  }

  /// Polls the specs and the data files they name, and renders a spec again when any of them changes.
  private func watchForever(renderer: FigureRenderer, formats: [OutputFormat]) -> Never {
    // The spec and every input it reads (file sets, TensorBoard folders and --data files included).
    func watched(_ spec: String) -> [String] {
      let figure = try? SpecArgument(argument: spec).figure(style: style, extraData: data)
      return [spec] + ((figure?.inputFiles ?? []) + (figure?.searchedFolders ?? [])).map(\.path)
    }
    func stamp(_ files: [String]) -> [Date?] {
      files.map { (try? FileManager.default.attributesOfItem(atPath: $0)[.modificationDate]) as? Date }
    }
    var stamps = Dictionary(uniqueKeysWithValues: specs.map { ($0, stamp(watched($0))) })
    while true {
      Thread.sleep(forTimeInterval: 0.25)
      for spec in specs {
        let now = stamp(watched(spec))
        guard now != stamps[spec] else { continue }
        stamps[spec] = now
        _ = renderReported(spec, renderer: renderer, formats: formats)
      }
    }
  }
}

struct SceneCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "scene", abstract: "Print a spec's scene as an indented tree.")

  @Argument(help: "A spec file; - reads it from standard input.")
  var spec: String

  func run() throws {
    do {
      print(SceneDump.render(try SpecArgument(argument: spec).figure(style: nil).scene()), terminator: "")
    } catch {
      fail(error)
    }
  }
}

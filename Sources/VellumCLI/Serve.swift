import ArgumentParser
import Foundation
import Vellum
import VellumServe
import VellumSpec

/// `vellum serve`: a live preview in the browser, or (`--stdio`) a render loop for programs.
struct Serve: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "serve",
    abstract: "Preview figures in the browser, re-rendered as their specs, data and styles change.",
    discussion:
      "Opens nothing by itself: it prints the address to open. The index lists the figures; each figure's page shows "
      + "it at its real size or page width, its spec (a broken spec's error over the last good figure, its line "
      + "highlighted), the first rows of its data, downloads and the scene tree. Only the given specs and their "
      + "renders are served. With --stdio it serves no pages: each line on standard input is a JSON render request "
      + "and each answer a JSON line on standard output (see the README)."
  )

  @Argument(help: "Spec files, or folders whose .yaml/.yml/.json specs are all taken (default: the current folder).")
  var paths: [String] = []

  @Option(help: "The port to listen on; 0 picks a free one.")
  var port: Int = 8000

  @Option(help: "The address to listen on: only this machine by default; 0.0.0.0 shares the preview on the network.")
  var host: String = "127.0.0.1"

  @Option(help: "Retarget every figure to a style (as render --style).")
  var style: String?

  @Option(help: "PNG resolution of the PNG download, in dots per inch.")
  var dpi: Double = 300

  @Flag(help: "Answer JSON render requests on standard input, one a line, instead of serving pages.")
  var stdio = false

  func validate() throws {
    guard (0...65535).contains(port) else { throw ValidationError("--port must be between 0 and 65535") }
    guard dpi > 0, dpi <= 2400 else { throw ValidationError("--dpi must be between 1 and 2400") }
    if stdio && !paths.isEmpty { throw ValidationError("--stdio reads its specs from requests: drop the paths") }
    if let style, let message = StyleResolver.argumentMessage(style) { throw ValidationError(message) }
  }

  func run() throws {
    let renderer = FigureRenderer(dpi: dpi, style: style)
    if stdio {
      StdioRenderLoop.run(renderer: renderer)
      return
    }
    let inputs = paths.isEmpty ? ["."] : paths
    let candidates: [String]
    do {
      candidates = try SpecFolders.expand(inputs, outside: SpecFolders.warnOutside)
    } catch {
      fail(error)
    }
    for path in candidates where !FileManager.default.fileExists(atPath: path) {
      throw usageError("no such spec file '\(path)'")
    }
    // A folder's style files and JSON data are read by its specs, not figures of their own.
    let read = Set(
      candidates.flatMap { path in
        ((try? Figure(contentsOf: path, style: style))?.inputFiles ?? []).map {
          $0.resolvingSymlinksInPath().standardizedFileURL.path
        }
      })
    let specs = candidates.filter {
      paths.contains($0) || !read.contains(URL(fileURLWithPath: $0).resolvingSymlinksInPath().standardizedFileURL.path)
    }
    guard !specs.isEmpty else { throw usageError("no spec files in \(inputs.joined(separator: ", "))") }
    let server = PreviewServer(sources: PreviewSource.naming(specs), renderer: renderer, host: host, port: port)
    let finished = DispatchSemaphore(value: 0)
    let failure = Failure()
    Task {
      do {
        try await server.run { address in
          FileHandle.standardOutput.write(
            Data("serving \(specs.count) figure\(specs.count == 1 ? "" : "s") at \(address) (Ctrl-C stops)\n".utf8))
        }
      } catch let error as VellumError {
        failure.error = error.message
      } catch {
        failure.error = "cannot serve on \(host):\(port): \(error)"
      }
      finished.signal()
    }
    finished.wait()
    if let message = failure.error {
      FileHandle.standardError.write(Data("error: \(message)\n".utf8))
      throw ExitCode(3)
    }
  }
}

/// The server task's error, read once the task has ended.
private final class Failure: @unchecked Sendable {
  var error: String?
}

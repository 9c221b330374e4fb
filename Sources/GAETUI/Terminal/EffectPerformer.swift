import Foundation
import GAECore

/// Carries out an effect and says what came of it, as a message (nil for nothing to say).
public protocol EffectPerformer: Sendable {
  func perform(_ effect: Effect) -> Msg?
}

/// The real effects: files read and written in the current directory.
public struct FileEffects: EffectPerformer {
  public init() {}

  public func perform(_ effect: Effect) -> Msg? {
    switch effect {
    case .load(let path, let index):
      do {
        return .loaded(try Scenario.load(path: path), index: index)
      } catch {
        return .loadFailed(path: path, reason: error.description, index: index)
      }
    case .ask, .say:
      // The app opens prompts and shows statuses itself: these never reach the run loop.
      return nil
    case .writeTrace(let write):
      guard !SafeFileWriter.leadsToDeviceOrFIFO(write.path) else {
        return .traceWriteFailed(
          write, reason: "it is a device or a FIFO, not a file (w writes files only)",
          directory: Self.directory(of: write.path), exists: false)
      }
      do {
        // Streamed: rows go to the file as they are spelt, not built whole in memory first.
        try SafeFileWriter.write(to: write.path, overwrite: write.overwrite) { (sink) throws(FileWriteError) in
          try write.format.write(write.trace, name: write.name, digits: write.digits, to: sink)
        }
        return .traceWritten(path: write.path)
      } catch {
        let exists: Bool
        if case .exists = error { exists = true } else { exists = false }
        // The reason without the path: the status line names the path after it.
        let reason: String
        switch error {
        case .failed(_, let why), .incomplete(_, let why): reason = why
        default: reason = error.description
        }
        return .traceWriteFailed(write, reason: reason, directory: Self.directory(of: write.path), exists: exists)
      }
    }
  }

  /// The directory a relative path is written in, spelt out for a message.
  static func directory(of path: String) -> String {
    let folder: String
    if let slash = path.lastIndex(of: "/") {
      folder = slash == path.startIndex ? "/" : String(path[..<slash])
    } else {
      folder = "."
    }
    guard !folder.hasPrefix("/") else { return folder }
    // A deleted current directory has no name to give.
    let current = FileManager.default.currentDirectoryPath
    guard !current.isEmpty else { return folder == "." ? "the current directory" : folder }
    return folder == "." ? current : current + "/" + folder
  }
}

import Crypto
import Foundation
import Localization
import Synchronization
import Yams

/// Reads manifest files and directories into a validated `ManifestSet`, reporting every problem at once.
public struct ManifestLoader: Sendable {
    public static let apiVersion = "reconcile/v1"

    public init() {}

    /// Loads and validates; throws a `ManifestError` listing every problem found. `hypervisorFound`
    /// hears each Hypervisor's URI as soon as its file is read, before the rest is loaded and validated,
    /// so a caller may start reading that host meanwhile (it must check the URI itself).
    public func load(paths: [String], hypervisorFound: (@Sendable (String) -> Void)? = nil) throws(ManifestError) -> ManifestSet {
        var diagnostics: [Diagnostic] = []
        var set = ManifestSet()
        let files = expand(paths, diagnostics: &diagnostics)
        if files.isEmpty && diagnostics.isEmpty {
            let shown = paths.joined(separator: ", ")
            diagnostics.append(Diagnostic(SourceLocation(file: shown, line: 1, column: 1), LocalizedMessage("spec.noManifestFiles")))
        }
        // Files are parsed on all cores, then joined in their order: YAML parsing is most of a large
        // fleet's load time.
        let parsed = Mutex([(set: ManifestSet, diagnostics: [Diagnostic])?](repeating: nil, count: files.count))
        DedicatedThreads.forEach(files.count) { index in
            let result = readFile(files[index])
            for hypervisor in result.set.hypervisors { hypervisorFound?(hypervisor.uri) }
            parsed.withLock { $0[index] = result }
        }
        for case let (part, problems)? in parsed.withLock({ $0 }) {
            set.append(part)
            diagnostics += problems
        }
        diagnostics += ManifestResolver().resolve(&set)
        diagnostics += ManifestValidator(set: set).validate()
        let errors = diagnostics.filter { $0.severity == .error }
        guard errors.isEmpty else { throw ManifestError(Self.sorted(errors)) }
        return set
    }

    /// One file's resources and problems, as if it were the only one.
    private func readFile(_ file: String) -> (set: ManifestSet, diagnostics: [Diagnostic]) {
        var set = ManifestSet()
        guard let data = FileManager.default.contents(atPath: file) else {
            return (set, [Diagnostic(SourceLocation(file: file, line: 1, column: 1), LocalizedMessage("spec.cannotReadFile"))])
        }
        set.sources.append(ManifestSource(path: file, sha256: SHA256.hash(data: data).hexString))
        guard let text = String(data: data, encoding: .utf8) else {
            return (set, [Diagnostic(SourceLocation(file: file, line: 1, column: 1), LocalizedMessage("spec.fileNotUTF8"))])
        }
        let diagnostics = read(text: text, file: file, into: &set)
        return (set, diagnostics)
    }

    /// Parses YAML text (one or more documents) into `set`; public for tests and tools reading from memory.
    public func read(text: String, file: String, into set: inout ManifestSet) -> [Diagnostic] {
        // Hostile YAML is refused before any tree is walked (and so expanded).
        let scan = YAMLEventScanner(file: file).scan(text)
        if scan.needsComposer {
            // Yams' composer words the error, if there is one, with its position. Yams' document
            // sequence swallows parse errors; pulling documents one by one keeps them. It stops
            // before an explosive document, as the scan's trees do.
            do {
                let parser = try Parser(yaml: text, resolver: .manifests)
                var composed = 0
                while composed != scan.firstExplosive, try parser.nextRoot() != nil { composed += 1 }
            } catch {
                return scan.diagnostics + [Self.diagnostic(forYAMLError: error, file: file, text: text, scan: scan)]
            }
        }
        let documents = scan.documents
        var diagnostics = scan.diagnostics
        // Empty documents (a trailing `---`, a file of comments) hold nothing to read; a file of
        // nothing else is an error, since it was most likely meant to hold a manifest.
        let readable = documents.indices.filter { !documents[$0].isEmptyDocument }
        if readable.isEmpty && diagnostics.isEmpty {
            return [Diagnostic(SourceLocation(file: file, line: 1, column: 1),
                               LocalizedMessage("spec.emptyFile"))]
        }
        for index in readable where !scan.refused.contains(index) {
            let document = documents[index]
            let context = DocumentContext(file: file)
            readDocument(document, context: context, into: &set)
            diagnostics += context.diagnostics
        }
        return diagnostics
    }

    func readDocument(_ node: YAMLNode, context: DocumentContext, into set: inout ManifestSet) {
        guard let root = FieldReader.mapping(node, context: context, path: "") else { return }
        let apiVersion = root.string("apiVersion")
        let kindText = root.string("kind")
        let metadataReader = root.mappingReader("metadata")
        let specReader = root.mappingReader("spec")
        root.rejectUnknownKeys()

        switch apiVersion {
        case nil: root.missing("apiVersion", hint: LocalizedMessage("spec.hintUseAPIVersion", ["apiVersion": Self.apiVersion]))
        case Self.apiVersion?: break
        case let other?: root.error("apiVersion", LocalizedMessage("spec.unknownAPIVersion", ["value": other, "apiVersion": Self.apiVersion]))
        }
        let kinds = ResourceKind.allCases.map(\.rawValue)
        var kind: ResourceKind?
        if let kindText {
            kind = ResourceKind(rawValue: kindText)
            if kind == nil {
                root.error("kind", DiagnosticText(LocalizedMessage("spec.unknownKind", ["value": kindText, "kinds": kinds.joined(separator: ", ")]))
                    + Suggestion.didYouMean(kindText, among: kinds))
            }
        } else {
            root.missing("kind", hint: LocalizedMessage("spec.hintOneOf", ["options": kinds.joined(separator: ", ")]))
        }
        guard let metadataReader else {
            root.missing("metadata", hint: LocalizedMessage("spec.hintMetadataName"))
            return
        }
        let name = metadataReader.requiredString("name")
        let adopt = metadataReader.bool("adopt", default: false)
        metadataReader.mappingReader("labels").map(Self.checkLabels)
        metadataReader.rejectUnknownKeys()
        guard let kind, let name else { return }
        if let message = Self.nameProblem(name, kind: kind) { metadataReader.error("name", message) }
        let metadata = ResourceMetadata(name: name, adopt: adopt, location: metadataReader.locationOf("name"),
                                        fieldLocations: root.node("spec")?.locations(path: "spec", in: context.file) ?? [:])
        let spec = specReader ?? FieldReader(context: context, path: "spec", pairs: [], location: root.location)
        if specReader == nil && kind != .hypervisor { root.missing("spec") }

        switch kind {
        case .hypervisor: set.hypervisors.append(HypervisorSpec.read(spec, metadata: metadata))
        case .network: set.networks.append(NetworkSpec.read(spec, metadata: metadata))
        case .storagePool: StoragePoolSpec.read(spec, metadata: metadata).map { set.pools.append($0) }
        case .virtualMachine: set.virtualMachines.append(VirtualMachineSpec.read(spec, metadata: metadata))
        case .distribution: DistributionSpec.read(spec, metadata: metadata).map { set.distributions.append($0) }
        }
    }

    /// Labels as Kubernetes writes them: `[prefix/]name` keys of at most 63 characters per part, and
    /// short printable values. Nothing reads them yet, so nothing unsafe may hide in them either.
    static func checkLabels(_ labels: FieldReader) {
        for (key, keyLocation) in labels.entries {
            let value = labels.string(key)
            let parts = key.split(separator: "/", omittingEmptySubsequences: false)
            let keyIsValid = parts.count <= 2 && parts.allSatisfy { part in
                (1...63).contains(part.utf8.count) && part.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "._-".contains($0)) }
            }
            if !keyIsValid {
                labels.context.error(keyLocation, field: labels.fieldPath(key),
                                     .field(labels.fieldPath(key), DiagnosticText(LocalizedMessage("spec.invalidLabelKey", ["key": key]))))
            }
            if let value, value.utf8.count > 63 || !value.allSatisfy({ $0.isASCII && !$0.isWhitespace || $0 == " " }) {
                labels.error(key, LocalizedMessage("spec.invalidLabelValue"))
            }
        }
    }

    static func nameProblem(_ name: String, kind: ResourceKind) -> LocalizedMessage? {
        switch kind {
        case .virtualMachine:
            Naming.isValidHostLabel(name) ? nil
                : LocalizedMessage("spec.invalidVMName", ["name": name])
        default:
            Naming.isValidObjectName(name) ? nil
                : LocalizedMessage("spec.invalidObjectName", ["name": name])
        }
    }

    /// The manifests below a directory, relative to it and sorted: `*.yaml` and `*.yml` in any case,
    /// skipping hidden files and directories (`.git/`, `.github/` workflows are YAML too, but not manifests).
    func manifestFiles(below directory: String) -> [String] {
        guard let walk = FileManager.default.enumerator(atPath: directory) else { return [] }
        var found: [String] = []
        while let relative = walk.nextObject() as? String {
            let components = relative.split(separator: "/")
            if components.last?.hasPrefix(".") == true { walk.skipDescendants() }
            guard !components.contains(where: { $0.hasPrefix(".") }) else { continue }
            if ["yaml", "yml"].contains((relative as NSString).pathExtension.lowercased()) { found.append(relative) }
        }
        return found.sorted()
    }

    /// Files named directly, and manifests below directories, in sorted order.
    func expand(_ paths: [String], diagnostics: inout [Diagnostic]) -> [String] {
        var files: [String] = []
        let manager = FileManager.default
        for path in paths {
            var isDirectory: ObjCBool = false
            guard manager.fileExists(atPath: path, isDirectory: &isDirectory) else {
                diagnostics.append(Diagnostic(SourceLocation(file: path, line: 1, column: 1), LocalizedMessage("spec.noSuchFile")))
                continue
            }
            guard isDirectory.boolValue else {
                files.append(path)
                continue
            }
            files += manifestFiles(below: path).map { (path as NSString).appendingPathComponent($0) }
        }
        return files
    }

    static func sorted(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        diagnostics.sorted {
            ($0.location.file, $0.location.line, $0.location.column) < ($1.location.file, $1.location.line, $1.location.column)
        }
    }
}

import Foundation

/// A pipeline's configuration as YAML text, before and after compilation (`getPipelineConfigById`).
public struct PipelineConfig: Codable, Sendable, Hashable {
    /// The source configuration for the pipeline, before any config compilation has been performed.
    /// If there is no config, then this field will be empty.
    public var source: String
    /// The compiled configuration for the pipeline, after all orb expansion has been performed. If
    /// there were errors processing the pipeline's configuration, then this field may be empty.
    public var compiled: String
    /// The setup configuration for the pipeline used for Setup Workflows. If there were errors
    /// processing the pipeline's configuration or if setup workflows are not enabled, then this
    /// field should not exist
    public var setupConfig: String?
    /// The compiled setup configuration for the pipeline, after all orb expansion has been
    /// performed. If there were errors processing the pipeline's setup workflows, then this field
    /// may be empty.
    public var compiledSetupConfig: String?

    /// Creates a `PipelineConfig` from its fields.
    public init(
        source: String,
        compiled: String,
        setupConfig: String? = nil,
        compiledSetupConfig: String? = nil
    ) {
        self.source = source
        self.compiled = compiled
        self.setupConfig = setupConfig
        self.compiledSetupConfig = compiledSetupConfig
    }

    enum CodingKeys: String, CodingKey {
        case source
        case compiled
        case setupConfig = "setup-config"
        case compiledSetupConfig = "compiled-setup-config"
    }
}

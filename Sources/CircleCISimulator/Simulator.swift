import CircleCI

/// A deterministic fake CircleCI organisation.
public enum Simulator {}

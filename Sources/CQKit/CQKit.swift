import CQ
import CircleCI

/// The embedding API and CircleCI builtins.
public enum CQKit {}

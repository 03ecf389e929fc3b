import CLibEdit

/// The interactive cq session.
public enum REPL {}

import REPL

print("harness")

print("mime-bench: not written yet")

"""What crosses the laptop's edge: batches, keys, merge, Excel and HTTP sync.

Empty for now: the batch and merge work fills it. Like `models/`, it never imports Qt.
"""

"""The CiSoTRA site's own logic, in plain Python.

Nothing in this package imports MkDocs: the hooks in the folder above are thin
adapters that hand MkDocs' objects to these modules and back, so the core can be
tested alone and could move to another static-site engine.
"""

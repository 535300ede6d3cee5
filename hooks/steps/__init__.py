"""The site's features as steps of the build: plain functions that pipeline.py calls, in order.

Each step gets the build's state (`site`, a buildstate.SiteBuild) and what the engine's
event hands over (the pass's files, a page and its Markdown, …), asks the plain-Python
core (cisotra/) for what to write, and puts it where MkDocs expects it. No step knows
when it runs: the order is written once, in pipeline.py.
"""

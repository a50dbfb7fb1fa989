"""``privlint render``: the published statement written from its manifest, in Markdown or HTML, Dutch or English.

See ``privlint.render.statement`` (templates and layout), ``privlint.render.localize`` (free text in one
language), ``privlint.render.catalog`` (the fixed wording per language) and ``privlint.render.labels``.
"""

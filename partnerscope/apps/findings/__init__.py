"""The register of findings: what every area's rules found, collected, stored and compared
across refreshes, so each finding can be traced to its rule and evidence and its history read.

The register never judges: each area keeps its rules and hands its findings over through the
``finding_source`` extension (``partnerscope.core.findings`` is the protocol). Other apps read
the register only through :mod:`partnerscope.apps.findings.selectors`.
"""

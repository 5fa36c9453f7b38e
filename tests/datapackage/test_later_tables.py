"""A package exported before an area's tables existed still imports: every table added after
the first published format is optional, so its missing file reads as an empty table."""

from __future__ import annotations

from partnerscope.datapackage.schema import all_resources

FIRST_FORMAT_TABLES = {
    "agenda_items",
    "attendance",
    "bodies",
    "chain_actions",
    "chain_links",
    "chain_nodes",
    "chain_participants",
    "chain_ratings",
    "chain_workshops",
    "chains",
    "indicator_values",
    "indicators",
    "meetings",
    "memberships",
    "network_representatives",
    "network_ties",
    "network_waves",
    "organisations",
    "outcome_agenda_items",
    "outcomes",
    "partnership",
    "people",
    "performance_areas",
    "performance_settings",
    "quality_records",
    "sevens_evidence",
    "sevens_local_statements",
    "sevens_responses",
    "sevens_waves",
    "target_values",
    "targets",
}


def test_every_table_added_after_the_first_format_is_optional():
    later = [resource for resource in all_resources() if resource.name not in FIRST_FORMAT_TABLES]
    assert later, "the areas added since the first format have tables"
    assert [resource.name for resource in later if not resource.optional] == []

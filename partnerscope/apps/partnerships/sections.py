"""The record sections of a partnership: what each lists and how it is saved."""

from __future__ import annotations

from partnerscope.apps.common.sections import Column, Section
from partnerscope.apps.partnerships import forms, services
from partnerscope.apps.partnerships.models import Body, Membership, Organisation, Person

ORGANISATIONS = Section(
    name="organisation",
    noun="organisation",
    plural="organisations",
    queryset=lambda partnership: Organisation.objects.in_partnership(partnership),
    form_class=forms.OrganisationForm,
    columns=[
        Column("Name", lambda record: record.name),
        Column("Sector", lambda record: record.get_sector_display()),
        Column("Reference", lambda record: record.ref),
    ],
    save=services.save_organisation,
    delete=services.remove_organisation,
    form_kwargs=services.organisation_form_kwargs,
    intro="The organisations that take part in this partnership. An organisation can take "
    "part in several partnerships, such as a county council on each district's partnership.",
)

PEOPLE = Section(
    name="person",
    noun="person",
    plural="people",
    queryset=lambda partnership: Person.objects.in_partnership(partnership),
    form_class=forms.PersonForm,
    columns=[
        Column("Name", lambda record: record.name),
        Column("Organisation", lambda record: record.organisation.name),
        Column("Job title", lambda record: record.job_title),
    ],
    save=services.save_person,
    delete=services.delete_record,
)

BODIES = Section(
    name="body",
    noun="body",
    plural="bodies",
    queryset=lambda partnership: Body.objects.in_partnership(partnership).select_related("parent"),
    form_class=forms.BodyForm,
    columns=[
        Column("Name", lambda record: record.name),
        Column("Governance layer", lambda record: record.get_governance_layer_display()),
        Column("Reports to", lambda record: record.parent.name if record.parent else "–"),
        Column("Functions", lambda record: ", ".join(record.function_labels()) or "–"),
    ],
    save=services.save_body,
    delete=services.delete_record,
    intro="Boards, executive groups and theme partnerships, each in one of the three "
    "governance layers: strategic, executive or operational.",
)

MEMBERSHIPS = Section(
    name="membership",
    noun="membership",
    plural="memberships",
    queryset=lambda partnership: Membership.objects.in_partnership(partnership),
    form_class=forms.MembershipForm,
    columns=[
        Column("Person", lambda record: record.person.name),
        Column("Organisation", lambda record: record.person.organisation.name),
        Column("Body", lambda record: record.body.name),
        Column("Role", lambda record: record.get_role_display()),
        Column("From", lambda record: record.start or "–"),
        Column("To", lambda record: record.end or "–"),
    ],
    save=services.save_membership,
    delete=services.delete_record,
)

SECTIONS = [ORGANISATIONS, PEOPLE, BODIES, MEMBERSHIPS]

"""Move the delivery chains' actions into the one action plan, keeping each one's ref (made
unique within its partnership), owner, due date, status, chain context and history."""

from __future__ import annotations

from collections import defaultdict

from django.db import migrations
from django.utils import timezone

from partnerscope.apps.actions.moved import description_of, merged_refs, title_of


def context_of(row, links, workshops):
    link = links.get(row.link_id)
    return {
        "chain_ref": row.chain.ref,
        "link_source_ref": link[0] if link else "",
        "link_target_ref": link[1] if link else "",
        "question": row.question,
        "workshop_ref": workshops.get(row.workshop_id, ""),
    }


def copy_chain_actions(apps, schema_editor):
    ChainAction = apps.get_model("chains", "ChainAction")
    HistoricalChainAction = apps.get_model("chains", "HistoricalChainAction")
    ChainLink = apps.get_model("chains", "ChainLink")
    Workshop = apps.get_model("chains", "Workshop")
    Person = apps.get_model("partnerships", "Person")
    Action = apps.get_model("actions", "Action")
    HistoricalAction = apps.get_model("actions", "HistoricalAction")

    links = {
        link.pk: (link.source.ref, link.target.ref)
        for link in ChainLink.objects.select_related("source", "target")
    }
    workshops = dict(Workshop.objects.values_list("pk", "ref"))
    organisation_of = dict(Person.objects.values_list("pk", "organisation_id"))
    by_partnership = defaultdict(list)
    for row in ChainAction.objects.select_related("chain").order_by("chain__ref", "ref"):
        by_partnership[row.chain.partnership_id].append(row)
    versions = defaultdict(list)
    for version in HistoricalChainAction.objects.order_by("history_date", "history_id"):
        versions[version.id].append(version)

    for partnership_id, rows in by_partnership.items():
        taken = Action.objects.filter(partnership_id=partnership_id).values_list("ref", flat=True)
        refs = merged_refs([(row.chain.ref, row.ref) for row in rows], taken)
        for row in rows:
            history = versions.get(row.pk, [])
            first = history[0].history_date if history else timezone.now()
            action = Action.objects.create(
                partnership_id=partnership_id,
                ref=refs[(row.chain.ref, row.ref)],
                title=title_of(row.description),
                description=description_of(row.description),
                owner_organisation_id=organisation_of.get(row.owner_person_id),
                owner_person_id=row.owner_person_id,
                owner_other=row.owner,
                due=row.due,
                status=row.status,
                created_on=timezone.localdate(first),
                **context_of(row, links, workshops),
            )
            for version in history or [None]:
                source = version or row
                HistoricalAction.objects.create(
                    id=action.pk,
                    partnership_id=partnership_id,
                    ref=action.ref,
                    title=title_of(source.description),
                    description=description_of(source.description),
                    owner_organisation_id=organisation_of.get(source.owner_person_id),
                    owner_person_id=source.owner_person_id,
                    owner_other=source.owner,
                    due=source.due,
                    status=source.status,
                    created_on=action.created_on,
                    history_date=version.history_date if version else first,
                    history_type=version.history_type if version else "+",
                    history_user_id=version.history_user_id if version else None,
                    history_change_reason=(
                        version.history_change_reason if version else "Moved from the chain"
                    ),
                    **{**context_of(row, links, workshops), "question": source.question},
                )


def copy_back(apps, schema_editor):
    """Going back: the chains' table is made again (empty) by the chains' migration, and
    the actions that came from chains are copied back into it before this one is undone."""
    Action = apps.get_model("actions", "Action")
    ChainAction = apps.get_model("chains", "ChainAction")
    Chain = apps.get_model("chains", "Chain")
    ChainLink = apps.get_model("chains", "ChainLink")
    Workshop = apps.get_model("chains", "Workshop")
    copied = []
    for action in Action.objects.exclude(chain_ref=""):
        chain = Chain.objects.filter(
            partnership_id=action.partnership_id, ref=action.chain_ref
        ).first()
        if chain is None or ChainAction.objects.filter(chain=chain, ref=action.ref).exists():
            continue
        link = ChainLink.objects.filter(
            chain=chain, source__ref=action.link_source_ref, target__ref=action.link_target_ref
        ).first()
        ChainAction.objects.create(
            chain=chain,
            ref=action.ref,
            workshop=Workshop.objects.filter(chain=chain, ref=action.workshop_ref).first(),
            question=action.question,
            link=link,
            description=action.description or action.title,
            owner=action.owner_other,
            owner_person_id=action.owner_person_id,
            due=action.due,
            status="done" if action.status == "dropped" else action.status,
        )
        copied.append(action.pk)
    Action.objects.filter(pk__in=copied).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("actions", "0001_initial"),
        ("chains", "0001_initial"),
        ("partnerships", "0001_initial"),
    ]

    operations = [migrations.RunPython(copy_chain_actions, copy_back)]

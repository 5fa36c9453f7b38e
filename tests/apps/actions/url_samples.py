"""Sample records of the kite partnership for the action plan's URLs that take parameters."""

from __future__ import annotations

from tests.apps.actions.builders import action


def an_action(kite):
    from partnerscope.apps.actions.models import Action

    found = Action.objects.filter(partnership=kite["partnership"], ref="sample").first()
    return {"ref": (found or action(kite["partnership"], ref="sample")).ref}


SAMPLES = {
    "actions:action": an_action,
    "actions:action_edit": an_action,
    "actions:action_delete": an_action,
    "actions:note_create": an_action,
}

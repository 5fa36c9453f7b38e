"""The delivery chains' actions moved into the one action plan (the actions area's
migration 0002 copied them, with their history): their tables go."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("chains", "0001_initial"),
        ("actions", "0002_copy_chain_actions"),
    ]

    operations = [
        migrations.RemoveField(
            model_name="historicalchainaction",
            name="chain",
        ),
        migrations.RemoveField(
            model_name="historicalchainaction",
            name="history_user",
        ),
        migrations.RemoveField(
            model_name="historicalchainaction",
            name="link",
        ),
        migrations.RemoveField(
            model_name="historicalchainaction",
            name="owner_person",
        ),
        migrations.RemoveField(
            model_name="historicalchainaction",
            name="workshop",
        ),
        migrations.DeleteModel(
            name="ChainAction",
        ),
        migrations.DeleteModel(
            name="HistoricalChainAction",
        ),
    ]

from django.apps import AppConfig


class RepliesConfig(AppConfig):
    name = "partnerscope.apps.replies"
    label = "replies"
    verbose_name = "Replies"
    partnership_area = True
    partnership_menu: list[tuple[str, str]] = [("Partners' replies", "replies:index")]
    datapackage_services = "partnerscope.apps.replies.datapackage_services"
    finding_panels = "partnerscope.apps.replies.panels.finding_panel"
    report_sections = "partnerscope.apps.replies.report.sections"
    after_demo = "partnerscope.apps.replies.demo.replies.add_demo_replies"

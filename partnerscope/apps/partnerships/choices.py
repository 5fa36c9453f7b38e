"""The fixed vocabularies of a partnership's governance, shared by models, forms and imports."""

from django.db import models


class PartnershipKind(models.TextChoices):
    LSP = "lsp", "Local strategic partnership"
    HWB = "hwb", "Health and wellbeing board"
    ICP = "icp", "Integrated care partnership"
    CSP = "csp", "Community safety partnership"
    COMBINED = "combined", "Combined authority board"
    COALITION = "coalition", "Community coalition"
    OTHER = "other", "Other partnership"


class Tier(models.TextChoices):
    COUNTY = "county", "County"
    DISTRICT = "district", "District"
    UNITARY = "unitary", "Unitary"
    OTHER = "other", "Other"


class Sector(models.TextChoices):
    COUNCIL = "council", "Council"
    HEALTH = "health", "Health"
    POLICE = "police", "Police"
    FIRE = "fire", "Fire and rescue"
    EDUCATION = "education", "Education"
    HOUSING = "housing", "Housing"
    BUSINESS = "business", "Business"
    VOLUNTARY_COMMUNITY = "voluntary_community", "Voluntary and community"
    OTHER_PUBLIC = "other_public", "Other public"


class Layer(models.TextChoices):
    STRATEGIC = "strategic", "Strategic"
    EXECUTIVE = "executive", "Executive"
    OPERATIONAL = "operational", "Operational"


class Function(models.TextChoices):
    VISION = "vision", "Vision"
    STRATEGY = "strategy", "Strategy"
    RESOURCE_ALLOCATION = "resource_allocation", "Resource allocation"
    PERFORMANCE_MANAGEMENT = "performance_management", "Performance management"
    COMMISSIONING = "commissioning", "Commissioning"
    SERVICE_DELIVERY = "service_delivery", "Service delivery"
    SCRUTINY = "scrutiny", "Scrutiny"


class MembershipRole(models.TextChoices):
    CHAIR = "chair", "Chair"
    VICE_CHAIR = "vice_chair", "Vice chair"
    MEMBER = "member", "Member"
    ADVISER = "adviser", "Adviser"
    OFFICER = "officer", "Officer"


class AttendanceStatus(models.TextChoices):
    PRESENT = "present", "Present"
    APOLOGIES = "apologies", "Sent apologies"
    ABSENT = "absent", "Absent"

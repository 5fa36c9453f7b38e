"""The demo's people: invented names and job titles, spread over the organisations."""

from __future__ import annotations

import random
from typing import Any

FIRST_NAMES = [
    "Aisha",
    "Alan",
    "Amir",
    "Anna",
    "Ben",
    "Bethan",
    "Carol",
    "Chen",
    "Chloe",
    "Dan",
    "David",
    "Deborah",
    "Eleanor",
    "Emma",
    "Fatima",
    "Femi",
    "Gareth",
    "Grace",
    "Hannah",
    "Harpreet",
    "Ian",
    "Imran",
    "Jack",
    "James",
    "Jane",
    "Jo",
    "Kate",
    "Kwame",
    "Laura",
    "Leila",
    "Liam",
    "Lucy",
    "Mark",
    "Mary",
    "Mei",
    "Mohammed",
    "Nadia",
    "Neil",
    "Nia",
    "Oliver",
    "Olu",
    "Paul",
    "Priya",
    "Rachel",
    "Raj",
    "Rhys",
    "Ruth",
    "Sam",
    "Sarah",
    "Simon",
    "Sofia",
    "Tom",
    "Una",
    "Victoria",
    "Wei",
    "Yusuf",
    "Zara",
]
SURNAMES = [
    "Adams",
    "Ahmed",
    "Akhtar",
    "Bailey",
    "Begum",
    "Bennett",
    "Brown",
    "Campbell",
    "Chen",
    "Clarke",
    "Davies",
    "Evans",
    "Green",
    "Hall",
    "Harris",
    "Hughes",
    "Hussain",
    "Jackson",
    "James",
    "Jones",
    "Kaur",
    "Khan",
    "King",
    "Lewis",
    "Martin",
    "Morgan",
    "Murphy",
    "Okafor",
    "Owen",
    "Patel",
    "Price",
    "Roberts",
    "Robinson",
    "Shah",
    "Singh",
    "Smith",
    "Taylor",
    "Thomas",
    "Walker",
    "Ward",
    "Watson",
    "White",
    "Williams",
    "Wilson",
    "Wright",
    "Young",
]

JOB_TITLES = {
    "council": [
        "Chief Executive",
        "Leader of the Council",
        "Cabinet Member",
        "Director of Communities",
        "Partnership Manager",
        "Head of Policy",
        "Performance Officer",
    ],
    "police": ["Chief Superintendent", "Chief Inspector", "Community Safety Lead"],
    "fire": ["Area Manager", "Group Manager, Prevention"],
    "health": [
        "Director of Public Health",
        "Chief Operating Officer",
        "Head of Partnerships",
        "Clinical Lead",
    ],
    "education": ["Principal", "Vice-Chancellor's Office Lead", "Head Teacher"],
    "housing": ["Chief Executive", "Director of Housing Services"],
    "business": ["Chair", "Chief Executive", "Board Member"],
    "voluntary_community": ["Chief Officer", "Chair of Trustees", "Development Worker"],
    "other_public": ["District Manager", "Head of Service", "Partnership Lead"],
}


def people_for(
    rng: random.Random, organisations: list[dict[str, Any]], count: int, prefix: str
) -> list[dict[str, Any]]:
    """``count`` people spread over the organisations, councils and health weighted up."""
    weights = [3 if org["sector"] in {"council", "health"} else 1 for org in organisations]
    people = []
    for number in range(1, count + 1):
        organisation = rng.choices(organisations, weights)[0]
        first, last = rng.choice(FIRST_NAMES), rng.choice(SURNAMES)
        people.append(
            {
                "id": f"{prefix}p{number:03d}",
                "name": f"{first} {last}",
                "organisation": organisation["id"],
                "job_title": rng.choice(JOB_TITLES[organisation["sector"]]),
                "email": f"{first}.{last}.{number}@example.org".lower(),
            }
        )
    return people

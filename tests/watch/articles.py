"""Article pages for the watch tests, written for steppe (the outlet is fictional)."""

from __future__ import annotations

from .conftest import article

RAIL = article(
    "Kazakhstan and Uzbekistan agree to run more freight trains", "2025-11-17",
    "Kazakhstan and Uzbekistan signed an agreement on rail freight in Tashkent on "
    "17 November 2025, the transport ministries of both countries said.",
    "Under the agreement, the two railway companies will add four weekly container "
    "trains between Almaty and Tashkent and share a single timetable at the border "
    "crossing at Saryagash.",
    "Officials in Astana said the new services should cut waiting times for lorries and "
    "wagons, which have grown since the spring harvest season.",
)

WATER = article(
    "Kyrgyz and Tajik officials discuss water releases", "2025-11-18",
    "Kyrgyzstan and Tajikistan held talks on water releases from the Toktogul reservoir "
    "in Bishkek on 18 November 2025.",
    "The delegations, led by deputy ministers of energy, compared figures for the winter "
    "months and agreed to meet again before the irrigation season begins.",
    "Farmers in the Ferghana valley depend on the summer releases, and both governments "
    "described the meeting as constructive.",
)

SUMMIT = article(
    "Uzbek president arrives in Bishkek for talks", "2025-11-19",
    "Uzbek President Shavkat Mirziyoyev arrived in Bishkek on 19 November 2025 for talks "
    "with Kyrgyz President Sadyr Japarov.",
    "The two leaders discussed the railway that is planned to link China, Kyrgyzstan and "
    "Uzbekistan, and the delegations reviewed progress on border crossings.",
    "Both sides said they expect trade between their countries to keep growing next year.",
)

GAS = article(
    "Turkmenistan raises gas deliveries to China", "2025-11-20",
    "Turkmenistan increased natural gas deliveries to China through the Central Asia "
    "pipeline in November 2025, the state gas company reported.",
    "The company said the fourth line of the pipeline remained under discussion and that "
    "technical teams from both countries met in Ashgabat this week.",
    "Analysts in the region expect the winter months to bring the highest monthly volumes "
    "of the year.",
)

CUSTOMS = article(
    "Kazakh and Kyrgyz customs services open a joint post", "2025-11-21",
    "Kazakhstan and Kyrgyzstan opened a joint customs post at the Korday crossing on "
    "21 November 2025.",
    "Officers of both services will inspect lorries once instead of twice, which the "
    "border agencies say should halve queues in peak hours.",
    "The post is the first of three planned along the border this winter.",
)

DAM = article(
    "Tajikistan reports progress at the Rogun dam", "2025-11-22",
    "Tajikistan said on 22 November 2025 that the third turbine of the Rogun hydropower "
    "plant was being assembled.",
    "Engineers expect the turbine to start producing electricity next year, and the "
    "government plans to sell part of the output to Uzbekistan and Afghanistan.",
    "The project has been financed in part by bonds sold on international markets.",
)

VISA = article(
    "Uzbekistan and Tajikistan extend visa-free stays", "2025-11-23",
    "Uzbekistan and Tajikistan agreed on 23 November 2025 to let each other's citizens "
    "stay for sixty days without a visa.",
    "The foreign ministries said the change follows a rise in family visits and in "
    "small traders crossing the border near Khujand.",
    "The new rule takes effect at the start of next month.",
)

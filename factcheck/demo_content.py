"""Invented demo content for ``manage.py load_demo``; not real reporting."""

import datetime

# Dates are relative to the day the demo is loaded, so that a claim always
# appears before the article that checks it, however old this file is.
_TODAY = datetime.date.today()


def _ago(days):
    """The date ``days`` days before today."""
    return _TODAY - datetime.timedelta(days=days)


TOPICS = [
    {
        "name": "Health",
        "slug": "health",
        "description": (
            "Claims about medicine, treatments, diet and disease, checked against "
            "clinical evidence and the advice of health authorities."
        ),
    },
    {
        "name": "Science",
        "slug": "science",
        "description": (
            "Popular science facts and myths, from physics to space, and what the "
            "research actually says."
        ),
    },
    {
        "name": "Climate",
        "slug": "climate",
        "description": (
            "Claims about climate change, energy and emissions, weighed against "
            "peer-reviewed research and official data."
        ),
    },
    {
        "name": "Economy",
        "slug": "economy",
        "description": (
            "Figures on prices, wages, jobs and public spending, traced back to the "
            "statistics they come from."
        ),
    },
    {
        "name": "Technology",
        "slug": "technology",
        "description": (
            "Claims about phones, networks, gadgets and the internet, and what "
            "engineers and regulators know about them."
        ),
    },
    {
        "name": "Politics",
        "slug": "politics",
        "description": (
            "Statements by politicians, parties and campaigners, checked on the "
            "record whoever makes them."
        ),
    },
]


PEOPLE = [
    {
        "username": "journalist",
        "first_name": "Maya",
        "last_name": "Lindqvist",
        "email": "journalist@example.org",
        "group": "Journalists",
        "display_name": "Maya Lindqvist",
        "slug": "maya-lindqvist",
        "role": "Health fact-checker",
        "bio": (
            "Maya covers health and medicine claims for the desk. Before joining, she "
            "spent six years as a hospital pharmacist and then as a health reporter "
            "for a regional daily."
        ),
    },
    {
        "username": "reporter",
        "first_name": "Tomás",
        "last_name": "Ferreira",
        "email": "reporter@example.org",
        "group": "Journalists",
        "display_name": "Tomás Ferreira",
        "slug": "tomas-ferreira",
        "role": "Science and technology reporter",
        "bio": (
            "Tomás checks claims about science, technology and the environment. He "
            "studied physics and previously worked on a data journalism team."
        ),
    },
    {
        "username": "editor",
        "first_name": "Ruth",
        "last_name": "Abernethy",
        "email": "editor@example.org",
        "group": "Editors",
        "display_name": "Ruth Abernethy",
        "slug": "ruth-abernethy",
        "role": "Deputy editor",
        "bio": (
            "Ruth edits the desk's daily fact-checks and oversees its corrections "
            "policy. She has worked as a news editor for fifteen years."
        ),
    },
    {
        "username": "chief",
        "first_name": "Samuel",
        "last_name": "Adeyemi",
        "email": "chief@example.org",
        "group": "Editors",
        "display_name": "Samuel Adeyemi",
        "slug": "samuel-adeyemi",
        "role": "Editor-in-chief",
        "bio": (
            "Samuel founded the fact-checking desk and sets its editorial standards. "
            "He previously led the verification team at a national broadcaster."
        ),
    },
]


CLAIMANTS = [
    {
        "slug": "viral-tiktok-video",
        "name": "Viral TikTok video",
        "kind": "account",
        "description": (
            "A short video from a wellness account, shared widely on TikTok and "
            "reposted on other platforms."
        ),
        "platform": "TikTok",
        "handle": "",
    },
    {
        "slug": "whatsapp-forward",
        "name": "WhatsApp forward",
        "kind": "account",
        "description": (
            "A message forwarded between family and community groups, attributed to "
            "an unnamed doctor."
        ),
        "platform": "WhatsApp",
        "handle": "",
    },
    {
        "slug": "viral-facebook-trivia-post",
        "name": "Viral Facebook post",
        "kind": "account",
        "description": "Image posts from a general-knowledge trivia page on Facebook.",
        "platform": "Facebook",
        "handle": "",
    },
    {
        "slug": "viral-x-post",
        "name": "Viral X post",
        "kind": "account",
        "description": "A post from a consumer tips account, shared thousands of times on X.",
        "platform": "X",
        "handle": "@dailytips_demo",
    },
    {
        "slug": "delia-marchbank",
        "name": "Delia Marchbank, MP",
        "kind": "person",
        "description": "Opposition spokesperson for finance.",
        "platform": "",
        "handle": "",
    },
    {
        "slug": "martin-vasquez-hale",
        "name": "Martin Vasquez-Hale",
        "kind": "person",
        "description": "Minister for Finance.",
        "platform": "",
        "handle": "",
    },
    {
        "slug": "roadway-freedom-campaign",
        "name": "Roadway Freedom Campaign",
        "kind": "organisation",
        "description": "A motorists' lobby group that campaigns against petrol car phase-outs.",
        "platform": "",
        "handle": "",
    },
    {
        "slug": "safe-signal-network",
        "name": "Safe Signal Network",
        "kind": "organisation",
        "description": "A campaign group opposed to the roll-out of 5G equipment.",
        "platform": "",
        "handle": "",
    },
    {
        "slug": "owen-trask",
        "name": "Cllr Owen Trask",
        "kind": "person",
        "description": "Independent councillor, Eastmoor Borough Council.",
        "platform": "",
        "handle": "",
    },
]


EXPERTS = [
    {
        "key": "ashdown",
        "name": "Dr Helen Ashdown",
        "credentials": "Consultant psychiatrist with 14 years of clinical practice",
        "affiliation": "Northbridge University Hospital",
        "field": "Psychiatry",
        "conflict_of_interest": (
            "Leads a hospital service that offers esketamine treatment. Has received no "
            "payments from drug manufacturers."
        ),
        "contact_email": "h.ashdown@example.org",
    },
    {
        "key": "wierzba",
        "name": "Dr Tomasz Wierzba",
        "credentials": "Senior lecturer in pharmacology; researches drugs acting on the brain",
        "affiliation": "Eastgate University",
        "field": "Pharmacology",
        "conflict_of_interest": "None declared.",
        "contact_email": "t.wierzba@example.org",
    },
    {
        "key": "nwosu",
        "name": "Dr Amara Nwosu",
        "credentials": "Virologist who studies how respiratory viruses infect the airways",
        "affiliation": "Institute for Infection Research, Riverside University",
        "field": "Virology",
        "conflict_of_interest": "None declared.",
        "contact_email": "a.nwosu@example.org",
    },
    {
        "key": "calloway",
        "name": "Dr Ruth Calloway",
        "credentials": "Labour economist and former official statistician",
        "affiliation": "Centre for Pay and Prices, Westbrook University",
        "field": "Economics",
        "conflict_of_interest": "None declared.",
        "contact_email": "r.calloway@example.org",
    },
    {
        "key": "fairhurst",
        "name": "Dr Lena Fairhurst",
        "credentials": "Remote-sensing scientist who works with images taken from orbit",
        "affiliation": "Department of Earth Observation, Highmoor University",
        "field": "Remote sensing",
        "conflict_of_interest": "None declared.",
        "contact_email": "l.fairhurst@example.org",
    },
    {
        "key": "solvang",
        "name": "Dr Ingrid Solvang",
        "credentials": "Researcher in life-cycle assessment of vehicles and energy systems",
        "affiliation": "Institute for Sustainable Transport, Lakeside University",
        "field": "Life-cycle assessment",
        "conflict_of_interest": (
            "Her institute receives research funding from a national transport agency. "
            "No funding from carmakers."
        ),
        "contact_email": "i.solvang@example.org",
    },
    {
        "key": "menon",
        "name": "Dr Pradeep Menon",
        "credentials": "Medical physicist specialising in radiation protection",
        "affiliation": "Southfield General Hospital",
        "field": "Medical physics",
        "conflict_of_interest": "None declared.",
        "contact_email": "p.menon@example.org",
    },
    {
        "key": "brennan",
        "name": "Dr Sofia Brennan",
        "credentials": "Environmental epidemiologist who studies radiofrequency exposure",
        "affiliation": "School of Public Health, Kingsgate University",
        "field": "Epidemiology",
        "conflict_of_interest": "None declared.",
        "contact_email": "s.brennan@example.org",
    },
    {
        "key": "demir",
        "name": "Dr Elif Demir",
        "credentials": "Electrochemist researching how lithium-ion batteries age",
        "affiliation": "Battery Materials Laboratory, Eastgate University",
        "field": "Electrochemistry",
        "conflict_of_interest": (
            "Has received research funding from a battery manufacturer for work "
            "unrelated to phones."
        ),
        "contact_email": "e.demir@example.org",
    },
]


FACTCHECKS = [
    # ------------------------------------------------------------------ ketamine
    {
        "slug": "ketamine-depression-treatment-resistant",
        "headline": "Ketamine can ease depression for some patients, but it is no everyday cure",
        "standfirst": (
            "A viral video says ketamine can help manage symptoms of depression. Clinical "
            "trials support that for people whose depression has resisted other "
            "treatments, but the relief is often short-lived and the drug carries real risks."
        ),
        "key_points": [
            "Trials show ketamine can ease symptoms within hours or days for some people "
            "with treatment-resistant depression.",
            "A related drug, esketamine, has been approved in the US since 2019 as a "
            "supervised nasal spray; ketamine itself is used off-label.",
            "Effects often fade within weeks, and side effects include raised blood "
            "pressure, dissociation and a risk of misuse.",
        ],
        "body": (
            "<p>A short video shared widely on TikTok this month tells viewers that "
            "ketamine “can help manage symptoms of depression”. In the clip, a woman "
            "describes how her mood lifted after a course of treatment at a private "
            "clinic, and urges viewers to “ask about it”.</p>"
            "<p>The central claim is backed by a growing body of research. But the video "
            "leaves out who the treatment is meant for, how long its effects tend to last "
            "and why it is given only under medical supervision. We rate it mostly "
            "true.</p>"
            "<h2>What the evidence shows</h2>"
            "<p>Ketamine has been used as an anaesthetic since the 1970s. Over the past two "
            "decades, researchers have found that a low dose, well below the amount used "
            "in surgery, can reduce depressive symptoms within hours in some patients. "
            "Conventional antidepressants usually take several weeks to work.</p>"
            "<p>Most of that research involves people with treatment-resistant depression, "
            "generally defined as depression that has not improved after at least two "
            "different antidepressants. A 2021 review in <em>The American Journal of "
            "Psychiatry</em>, written by an international panel of specialists, concluded "
            "that randomised controlled trials support a rapid antidepressant effect from "
            "both ketamine and esketamine, a closely related compound, in this group. The "
            "review also noted that the benefit of a single dose often wears off within a "
            "week or two, and that evidence on long-term use is still limited.</p>"
            "<p>In March 2019 the US Food and Drug Administration (FDA) approved an "
            "esketamine nasal spray for adults with treatment-resistant depression, taken "
            "alongside an oral antidepressant. The agency made it available only through "
            "certified clinics, where patients must be monitored for at least two hours "
            "after each dose, and required a boxed warning about sedation, dissociation "
            "and the potential for abuse and misuse.</p>"
            "<p>Ketamine itself has not been approved by the FDA for any psychiatric "
            "condition. Doctors may prescribe it “off-label”, and a growing number of "
            "clinics offer infusions, but doses, settings and follow-up care vary from "
            "one provider to another.</p>"
            "<h2>The risks the video leaves out</h2>"
            "<p>Ketamine commonly raises blood pressure and heart rate for a short time "
            "after a dose, and many people feel detached from their surroundings or their "
            "own body, an effect known as dissociation. Patients are usually observed "
            "until these effects pass and are told not to drive for the rest of the day. "
            "The drug is also used recreationally: in the US it is a controlled "
            "substance, and the Drug Enforcement Administration lists dependence among "
            "the risks of repeated use. In 2023 the FDA warned patients about compounded "
            "ketamine products sold for use at home without monitoring.</p>"
            "<p>The video is right that ketamine can help some people manage symptoms of "
            "depression. It would be more accurate to say that it can bring quick but "
            "often temporary relief to people whose depression has not responded to "
            "other treatments, when it is given by clinicians who can monitor its "
            "effects. Anyone considering it should discuss it with their own doctor.</p>"
        ),
        "topics": ["health"],
        "authors": ["journalist"],
        "state": "published",
        "days_ago": 3,
        "language": "en",
        "partner_credit": "",
        "claims": [
            {
                "statement": "Ketamine can help manage symptoms of depression",
                "claimant": "viral-tiktok-video",
                "rating": "mostly-true",
                "summary": (
                    "Clinical trials show ketamine, and the related drug esketamine, can "
                    "quickly ease symptoms for some people whose depression has not "
                    "responded to other treatments. The effect often fades within days or "
                    "weeks, and the drugs are given under medical supervision because of "
                    "side effects and the risk of misuse."
                ),
                "appearances": [
                    {
                        "url": "https://example.org/tiktok/ketamine-mood-video",
                        "medium": "video",
                        "outlet": "TikTok",
                        "appeared_on": _ago(9),
                        "is_first": True,
                    },
                    {
                        "url": "https://example.org/facebook/ketamine-video-repost",
                        "medium": "social",
                        "outlet": "Facebook",
                        "appeared_on": _ago(7),
                        "is_first": False,
                    },
                ],
            },
        ],
        "sources": [
            {
                "title": (
                    "Synthesizing the Evidence for Ketamine and Esketamine in "
                    "Treatment-Resistant Depression"
                ),
                "publisher": "The American Journal of Psychiatry",
                "url": "https://doi.org/10.1176/appi.ajp.2020.20081251",
                "citation": (
                    "McIntyre RS, Rosenblat JD, Nemeroff CB, et al. Synthesizing the "
                    "Evidence for Ketamine and Esketamine in Treatment-Resistant "
                    "Depression: An International Expert Opinion on the Available Evidence "
                    "and Implementation. The American Journal of Psychiatry, 2021."
                ),
                "kind": "study",
                "origin": "secondary",
                "published_on": datetime.date(2021, 5, 1),
                "claim": 0,
            },
            {
                "title": (
                    "FDA approves new nasal spray medication for treatment-resistant "
                    "depression; available only at a certified doctor's office or clinic"
                ),
                "publisher": "US Food and Drug Administration",
                "url": (
                    "https://www.fda.gov/news-events/press-announcements/"
                    "fda-approves-new-nasal-spray-medication-treatment-resistant-"
                    "depression-available-only-certified"
                ),
                "citation": "",
                "kind": "regulator",
                "origin": "primary",
                "published_on": datetime.date(2019, 3, 5),
                "claim": 0,
            },
            {
                "title": "Safety warning on compounded ketamine products for psychiatric use",
                "publisher": "US Food and Drug Administration",
                "url": "",
                "citation": (
                    "US Food and Drug Administration. Communication warning patients of "
                    "potential risks associated with compounded ketamine products, "
                    "including oral formulations, for the treatment of psychiatric "
                    "disorders. October 2023."
                ),
                "kind": "regulator",
                "origin": "primary",
                "published_on": datetime.date(2023, 10, 10),
                "claim": None,
            },
            {
                "title": "Drug Fact Sheet: Ketamine",
                "publisher": "US Drug Enforcement Administration",
                "url": "https://www.dea.gov/factsheets/ketamine",
                "citation": "",
                "kind": "regulator",
                "origin": "primary",
                "published_on": None,
                "claim": None,
            },
            {
                "title": "Written answers from Dr Helen Ashdown to questions from the desk",
                "publisher": "",
                "url": "",
                "citation": (
                    "Dr Helen Ashdown, consultant psychiatrist, Northbridge University "
                    "Hospital. Written response to questions sent by email."
                ),
                "kind": "interview",
                "origin": "primary",
                "published_on": _ago(5),
                "claim": 0,
            },
        ],
        "quotes": [
            {
                "expert": "ashdown",
                "text": (
                    "For the right patient, in the right setting, ketamine can be a "
                    "genuinely useful option. It is not a first-line treatment, and the "
                    "people who do best tend to receive it as part of ongoing psychiatric "
                    "care rather than as a one-off."
                ),
                "obtained_via": "written",
                "obtained_on": _ago(5),
            },
            {
                "expert": "wierzba",
                "text": (
                    "Ketamine works on the brain's glutamate system rather than on "
                    "serotonin, which is part of why it acts so quickly. But quick is not "
                    "the same as lasting: in most studies the effect of a single dose fades "
                    "within days to a couple of weeks."
                ),
                "obtained_via": "phone",
                "obtained_on": _ago(6),
            },
        ],
        "corrections": [],
        "change_request_note": "",
    },
    # ----------------------------------------------------------------- hot water
    {
        "slug": "hot-water-every-15-minutes-does-not-kill-viruses",
        "headline": (
            "No, sipping hot water every 15 minutes does not wash viruses out of your throat"
        ),
        "standfirst": (
            "A message circulating on WhatsApp says regular sips of hot water flush viruses "
            "into the stomach before they reach the lungs. Drinks cannot do this, and water "
            "hot enough to harm a virus would scald you first."
        ),
        "key_points": [
            "Respiratory viruses enter the cells lining the nose and throat; a drink "
            "flows past in seconds and cannot reach them.",
            "Heat inactivates viruses only at temperatures and exposure times that would "
            "burn the mouth and throat.",
            "Warm drinks can soothe a sore throat, but they do not prevent infection.",
        ],
        "body": (
            "<p>A message forwarded in WhatsApp groups over the past fortnight advises "
            "readers to take a few sips of hot water every 15 minutes. According to the "
            "text, which is attributed to an unnamed “senior doctor”, the water washes any "
            "virus in the throat down into the stomach, where acid destroys it before it "
            "can reach the lungs.</p>"
            "<p>Versions of this advice circulated in many languages in early 2020, during "
            "the first months of the COVID-19 pandemic, and it has resurfaced with the "
            "start of the winter flu season. It is false.</p>"
            "<h2>How respiratory viruses infect</h2>"
            "<p>Viruses such as influenza, RSV and SARS-CoV-2 do not sit in the throat "
            "waiting to be rinsed away. They attach to cells lining the nose, throat and "
            "airways, get inside them and multiply there. Once a virus is inside a cell, a "
            "passing drink cannot touch it. Many infections also begin in the nose, which "
            "drinking does not reach at all.</p>"
            "<p>We swallow saliva and mucus hundreds of times a day without drinking "
            "anything, so some particles already end up in the stomach. There is no "
            "evidence that adding more frequent drinks prevents infection. During the "
            "pandemic the World Health Organization made a similar point about heat in "
            "its myth-busting guidance: exposure to high temperatures, such as a hot "
            "bath, does not protect against the virus.</p>"
            "<h2>Too hot to help</h2>"
            "<p>Heat can inactivate viruses, which is why it is used to sterilise "
            "equipment. But laboratory studies typically hold samples at 56°C or more for "
            "many minutes. A drink that hot would scald the mouth, and it would be in "
            "contact with the throat for only a second or two before moving on. The body "
            "also keeps its internal temperature close to 37°C whatever we drink.</p>"
            "<p>Regularly drinking very hot liquids carries its own risk. The "
            "International Agency for Research on Cancer classifies drinking beverages "
            "hotter than 65°C as probably carcinogenic to humans, because of a link with "
            "cancer of the oesophagus.</p>"
            "<p>Drinking enough fluid is sensible when you are ill, and a warm drink can "
            "ease a sore throat. But neither stops a virus from taking hold. "
            "Vaccination, staying at home when unwell, good ventilation and hand washing "
            "remain the measures with evidence behind them. If you receive the message, "
            "there is no need to forward it.</p>"
        ),
        "topics": ["health"],
        "authors": ["reporter"],
        "state": "published",
        "days_ago": 9,
        "language": "en",
        "partner_credit": "",
        "claims": [
            {
                "statement": "Drinking hot water every 15 minutes kills viruses in the throat",
                "claimant": "whatsapp-forward",
                "rating": "false",
                "summary": (
                    "Respiratory viruses infect the cells lining the airways, where a drink "
                    "cannot reach them. Water hot enough to inactivate a virus would scald "
                    "the throat, and there is no evidence that frequent drinks prevent "
                    "infection."
                ),
                "appearances": [
                    {
                        "url": "https://example.org/whatsapp/hot-water-forward",
                        "medium": "messaging",
                        "outlet": "WhatsApp",
                        "appeared_on": _ago(16),
                        "is_first": True,
                    },
                    {
                        "url": "https://example.org/facebook/hot-water-screenshot",
                        "medium": "social",
                        "outlet": "Facebook",
                        "appeared_on": _ago(13),
                        "is_first": False,
                    },
                ],
            },
        ],
        "sources": [
            {
                "title": "Coronavirus disease (COVID-19) advice for the public: Mythbusters",
                "publisher": "World Health Organization",
                "url": (
                    "https://www.who.int/emergencies/diseases/novel-coronavirus-2019/"
                    "advice-for-public/myth-busters"
                ),
                "citation": "",
                "kind": "official",
                "origin": "primary",
                "published_on": None,
                "claim": 0,
            },
            {
                "title": "Drinking Coffee, Mate, and Very Hot Beverages",
                "publisher": "International Agency for Research on Cancer",
                "url": "",
                "citation": (
                    "IARC Working Group on the Evaluation of Carcinogenic Risks to Humans. "
                    "Drinking Coffee, Mate, and Very Hot Beverages. IARC Monographs, "
                    "Volume 116. Lyon: International Agency for Research on Cancer, 2018."
                ),
                "kind": "study",
                "origin": "primary",
                "published_on": None,
                "claim": 0,
            },
            {
                "title": "Phone interview with Dr Amara Nwosu",
                "publisher": "",
                "url": "",
                "citation": (
                    "Dr Amara Nwosu, virologist, Institute for Infection Research, "
                    "Riverside University. Interviewed by phone."
                ),
                "kind": "interview",
                "origin": "primary",
                "published_on": _ago(11),
                "claim": 0,
            },
            {
                "title": "Copy of the WhatsApp message, as forwarded to our tip line",
                "publisher": "WhatsApp",
                "url": "https://example.org/tipline/hot-water-message",
                "citation": "",
                "kind": "social",
                "origin": "primary",
                "published_on": _ago(16),
                "claim": 0,
            },
        ],
        "quotes": [
            {
                "expert": "nwosu",
                "text": (
                    "By the time a virus has latched on to the cells of your throat, it is "
                    "inside them. A mouthful of water, hot or cold, simply flows past. If "
                    "you want to lower your risk this winter, a vaccine will do far more "
                    "than a kettle."
                ),
                "obtained_via": "phone",
                "obtained_on": _ago(11),
            },
        ],
        "corrections": [],
        "change_request_note": "",
    },
    # ------------------------------------------------------- inflation and wages
    {
        "slug": "budget-debate-inflation-and-wages-claims",
        "headline": "Inflation and wages: checking two claims from the budget debate",
        "standfirst": (
            "The opposition says prices rose faster this year than at any point in a "
            "decade; the finance minister says wages are now outpacing prices. Both are "
            "broadly supported by official figures, though each leaves out part of the "
            "picture."
        ),
        "key_points": [
            "Annual inflation peaked at 6.1% in March, the highest rate in more than ten "
            "years, but it has fallen every month since.",
            "Regular pay has grown faster than prices for four months in a row, after "
            "more than a year of falling real wages.",
        ],
        "body": (
            "<p>Inflation and pay dominated this week’s parliamentary debate on the "
            "budget. Delia Marchbank, the opposition’s finance spokesperson, told MPs "
            "that “prices rose faster this year than at any time in the last decade”. "
            "Replying for the government, the Minister for Finance, Martin Vasquez-Hale, "
            "said that “wages are now rising faster than prices”. We checked both against "
            "the latest figures from the National Statistics Office.</p>"
            "<h2>Prices: the fastest rise in a decade, now slowing</h2>"
            "<p>The consumer prices index (CPI) measures how the cost of a typical basket "
            "of goods and services changes over time. Its annual rate of inflation, which "
            "compares prices with the same month a year earlier, reached 6.1% in March. "
            "That is the highest rate recorded in more than ten years; the previous peak "
            "in the period was 4.3%.</p>"
            "<p>Averaged over the first ten months of the year, inflation was 4.8%, also "
            "higher than the yearly average for any of the previous ten years. On either "
            "measure, Ms Marchbank’s claim stands up. The statistics office’s own "
            "commentary described the March figure as the highest in more than a "
            "decade.</p>"
            "<p>What it leaves out is the direction of travel. Inflation has fallen in "
            "every month since March and stood at 3.4% in October, the most recent figure "
            "available. Prices are still rising, but far more slowly than in the spring. "
            "Because the claim gives no sense of that, we rate it mostly true.</p>"
            "<h2>Wages: ahead of prices, but only recently</h2>"
            "<p>The statistics office’s measure of average regular pay, which excludes "
            "bonuses, grew by 4.9% in the three months to September compared with a year "
            "earlier. Over the same period CPI inflation averaged 3.6%. In other words, "
            "pay is rising faster than prices, so the minister’s statement is accurate "
            "and we rate it true.</p>"
            "<p>It is a recent change. Regular pay has outpaced inflation for four "
            "consecutive months, after more than a year in which prices rose faster than "
            "wages. Once inflation is taken into account, average pay is still lower than "
            "it was two years ago, so many households have yet to recover the spending "
            "power they lost.</p>"
            "<p>We asked both offices for the evidence behind the statements. Ms "
            "Marchbank’s office pointed to the March inflation figure; the Ministry of "
            "Finance referred us to the September earnings release. Both match the "
            "published data.</p>"
        ),
        "topics": ["economy", "politics"],
        "authors": ["journalist", "reporter"],
        "state": "published",
        "days_ago": 15,
        "language": "en",
        "partner_credit": (
            "Produced in collaboration with the Civic Data Desk, an independent statistics "
            "charity."
        ),
        "claims": [
            {
                "statement": "Prices rose faster this year than at any time in the last decade",
                "claimant": "delia-marchbank",
                "rating": "mostly-true",
                "summary": (
                    "Annual inflation peaked at 6.1% in March, the highest rate in more "
                    "than ten years, and the average so far this year is also a ten-year "
                    "high. But inflation has eased every month since March and is now "
                    "3.4%, which the claim does not mention."
                ),
                "appearances": [
                    {
                        "url": "https://example.org/parliament/budget-debate-day-2",
                        "medium": "speech",
                        "outlet": "Parliament, budget debate",
                        "appeared_on": _ago(18),
                        "is_first": True,
                    },
                    {
                        "url": "https://example.org/tv/morning-politics-interview",
                        "medium": "tv",
                        "outlet": "Morning politics programme",
                        "appeared_on": _ago(17),
                        "is_first": False,
                    },
                ],
            },
            {
                "statement": "Wages are now rising faster than prices",
                "claimant": "martin-vasquez-hale",
                "rating": "true",
                "summary": (
                    "Official figures show average regular pay grew 4.9% in the year to "
                    "September, while inflation averaged 3.6%. Pay has outpaced prices for "
                    "four months in a row, although real wages remain below their level "
                    "of two years ago."
                ),
                "appearances": [
                    {
                        "url": "https://example.org/parliament/budget-debate-day-2",
                        "medium": "speech",
                        "outlet": "Parliament, budget debate",
                        "appeared_on": _ago(18),
                        "is_first": True,
                    },
                ],
            },
        ],
        "sources": [
            {
                "title": "Consumer price inflation: October",
                "publisher": "National Statistics Office",
                "url": "https://example.org/statistics/consumer-price-inflation-october",
                "citation": "",
                "kind": "official",
                "origin": "primary",
                "published_on": _ago(20),
                "claim": 0,
            },
            {
                "title": "Average earnings and employment: three months to September",
                "publisher": "National Statistics Office",
                "url": "https://example.org/statistics/average-earnings-september",
                "citation": "",
                "kind": "dataset",
                "origin": "primary",
                "published_on": _ago(27),
                "claim": 1,
            },
            {
                "title": "Official report of the budget debate, day two",
                "publisher": "Parliament",
                "url": "https://example.org/parliament/official-report-budget-day-2",
                "citation": "",
                "kind": "official",
                "origin": "primary",
                "published_on": _ago(17),
                "claim": None,
            },
            {
                "title": "Phone interview with Dr Ruth Calloway",
                "publisher": "",
                "url": "",
                "citation": (
                    "Dr Ruth Calloway, labour economist, Centre for Pay and Prices, "
                    "Westbrook University. Interviewed by phone."
                ),
                "kind": "interview",
                "origin": "primary",
                "published_on": _ago(16),
                "claim": None,
            },
        ],
        "quotes": [
            {
                "expert": "calloway",
                "text": (
                    "Both statements are true to the numbers, but they describe different "
                    "moments. The spring was the worst point for prices in a decade; the "
                    "autumn is the first stretch in over a year where pay is winning. "
                    "Households are feeling both."
                ),
                "obtained_via": "phone",
                "obtained_on": _ago(16),
            },
        ],
        "corrections": [],
        "change_request_note": "",
    },
    # --------------------------------------------------------------- Great Wall
    {
        "slug": "great-wall-of-china-not-visible-from-space",
        "headline": "No, the Great Wall of China is not visible to the naked eye from space",
        "standfirst": (
            "A trivia post shared tens of thousands of times repeats one of the most "
            "durable myths about space. Astronauts, including China’s first, say the wall "
            "is practically impossible to pick out from orbit without a camera lens."
        ),
        "key_points": [
            "The wall is very long but only a few metres wide, and built from materials "
            "that blend in with the surrounding land.",
            "From the International Space Station, about 400 km up, it is far too narrow "
            "for the human eye to resolve; from the Moon, no individual structure is "
            "visible.",
            "Photographs taken from orbit with powerful lenses have captured sections of "
            "it, which may help keep the myth alive.",
        ],
        "body": (
            "<p>“The Great Wall of China is the only human-made structure visible from "
            "space with the naked eye,” reads an image shared by a popular trivia page on "
            "Facebook, over a photograph of the wall winding across green hills. The post "
            "has been shared more than 40,000 times.</p>"
            "<p>The idea is older than spaceflight itself: versions of it appeared in print "
            "decades before anyone had left the atmosphere. It has since been contradicted "
            "by the people best placed to know. It is false.</p>"
            "<h2>A question of width, not length</h2>"
            "<p>The wall’s length, thousands of kilometres in total, is what makes the "
            "claim sound plausible. But what determines whether something can be seen "
            "from far away is mainly its width and how strongly it contrasts with its "
            "surroundings. Most sections of the wall are only around five to eight metres "
            "wide, and they are built from stone and earth that are often similar in "
            "colour to the land around them.</p>"
            "<p>The International Space Station orbits at roughly 400 km. From that "
            "height, a strip six metres wide takes up an angle about twenty times smaller "
            "than the finest detail a person with excellent eyesight can normally "
            "distinguish. Wide, sharply contrasting features such as airport runways, "
            "large reservoirs or city lights at night are far easier to see.</p>"
            "<p>The Moon is almost a thousand times further away than the space station. "
            "From there, astronauts could make out continents, oceans and clouds, but no "
            "individual buildings or structures of any kind. Even from the space station, "
            "astronauts say the features of human activity that stand out most are "
            "cities, farmland patterns and, at night, artificial light.</p>"
            "<h2>What astronauts say</h2>"
            "<p>Yang Liwei, China’s first astronaut, told reporters after his flight in "
            "2003 that he had not been able to see the wall. Other astronauts have said "
            "the same, while noting that it is occasionally possible to spot it under "
            "ideal light with the help of binoculars or a zoom lens. Photographs taken "
            "from the space station with long lenses do show sections of the wall, and "
            "these images are sometimes shared as evidence that it can be seen with the "
            "eye alone.</p>"
            "<p>The wall is an extraordinary feat of engineering. It is not, however, "
            "visible to the naked eye from orbit, and certainly not from the Moon.</p>"
        ),
        "topics": ["science"],
        "authors": ["journalist"],
        "state": "published",
        "days_ago": 24,
        "language": "en",
        "partner_credit": "",
        "claims": [
            {
                "statement": "The Great Wall of China is visible from space with the naked eye",
                "claimant": "viral-facebook-trivia-post",
                "rating": "false",
                "summary": (
                    "The wall is only a few metres wide and blends in with the land around "
                    "it, so it is far too narrow to be seen unaided from orbit. Astronauts, "
                    "including China’s first, say they could not see it without a lens."
                ),
                "appearances": [
                    {
                        "url": "https://example.org/facebook/great-wall-trivia-image",
                        "medium": "social",
                        "outlet": "Facebook",
                        "appeared_on": _ago(30),
                        "is_first": True,
                    },
                ],
            },
        ],
        "sources": [
            {
                "title": "China’s first astronaut says Great Wall not visible from orbit",
                "publisher": "News agency report",
                "url": "https://example.org/news/yang-liwei-great-wall-2003",
                "citation": "",
                "kind": "news",
                "origin": "secondary",
                "published_on": datetime.date(2003, 10, 16),
                "claim": 0,
            },
            {
                "title": "Photograph of the Great Wall taken from the International Space Station",
                "publisher": "NASA",
                "url": "https://example.org/nasa/iss-great-wall-photograph",
                "citation": "",
                "kind": "official",
                "origin": "primary",
                "published_on": None,
                "claim": 0,
            },
            {
                "title": "Interview with Dr Lena Fairhurst",
                "publisher": "",
                "url": "",
                "citation": (
                    "Dr Lena Fairhurst, remote-sensing scientist, Department of Earth "
                    "Observation, Highmoor University. Interviewed in person."
                ),
                "kind": "interview",
                "origin": "primary",
                "published_on": _ago(26),
                "claim": 0,
            },
        ],
        "quotes": [
            {
                "expert": "fairhurst",
                "text": (
                    "People imagine that a very long object must be easy to see, but length "
                    "doesn’t help the eye. It’s width and contrast that matter, and the "
                    "wall has very little of either from 400 kilometres up."
                ),
                "obtained_via": "interview",
                "obtained_on": _ago(26),
            },
        ],
        "corrections": [],
        "change_request_note": "",
    },
    # ---------------------------------------------------------- electric cars
    {
        "slug": "electric-cars-lifetime-co2-emissions",
        "headline": (
            "Electric cars start with a bigger carbon footprint, but emit less over their "
            "lifetime"
        ),
        "standfirst": (
            "A motoring campaign group says electric cars produce more CO2 over their "
            "lifetime than petrol cars. Building an electric car does create more "
            "emissions, but studies find it makes up for that on the road."
        ),
        "key_points": [
            "Making an electric car, and especially its battery, produces more emissions "
            "than making a comparable petrol car.",
            "Lifecycle studies find that this extra carbon is usually paid back within a "
            "couple of years of driving, and that lifetime emissions end up lower.",
            "How much lower depends on how the electricity is generated.",
        ],
        "body": (
            "<p>The Roadway Freedom Campaign, a group that opposes plans to end sales of "
            "new petrol and diesel cars, says on its website that “electric cars create "
            "more CO2 over their lifetime than petrol cars”. A graphic making the same "
            "claim has been shared widely on X.</p>"
            "<p>The claim starts from a real fact but reaches the wrong conclusion. We "
            "rate it misleading.</p>"
            "<h2>The manufacturing gap</h2>"
            "<p>Building an electric car does produce more greenhouse gas emissions than "
            "building a similar petrol car. Most of the difference comes from the "
            "battery, whose production requires mining and processing metals such as "
            "lithium, nickel and cobalt and uses a great deal of energy. A car therefore "
            "leaves the factory with a larger carbon footprint if it is electric.</p>"
            "<p>But manufacturing is only part of a car’s life. A petrol car burns fuel "
            "every kilometre it travels, while an electric car’s emissions on the road "
            "depend on how the electricity that charges it is generated. Studies that "
            "add up emissions from production, fuel or electricity, and disposal are "
            "known as lifecycle assessments.</p>"
            "<h2>What lifecycle studies find</h2>"
            "<p>A 2021 analysis by the International Council on Clean Transportation "
            "(ICCT), a research organisation, compared medium-sized cars registered that "
            "year in Europe, the United States, China and India. It found that the "
            "lifetime emissions of a battery electric car were lower than those of a "
            "comparable petrol car in all four markets: roughly two-thirds lower in "
            "Europe, and smaller but still significant savings in India, where more "
            "electricity comes from coal.</p>"
            "<p>The US Environmental Protection Agency reaches a similar conclusion in its "
            "guidance for drivers, noting that electric vehicles typically have a "
            "smaller carbon footprint than petrol cars over their lifetime, even "
            "accounting for battery manufacturing.</p>"
            "<p>Researchers we spoke to said the extra emissions from production are "
            "usually paid back within one to two years of typical driving, sooner where "
            "the grid is cleaner. As power grids add more renewable electricity, the "
            "advantage is expected to grow. The size of the car and how far it is driven "
            "also matter: a large electric SUV used only for short trips will take longer "
            "to repay its manufacturing emissions than a small car driven every day.</p>"
            "<p>The campaign group is right that an electric car begins life with a "
            "larger carbon footprint. But the claim that it ends its life with a larger "
            "one is not supported by the evidence we reviewed. The group did not respond "
            "to our request for the source of its claim.</p>"
        ),
        "topics": ["climate", "technology"],
        "authors": ["journalist"],
        "state": "published",
        "days_ago": 38,
        "language": "en",
        "partner_credit": "",
        "claims": [
            {
                "statement": "Electric cars create more CO2 over their lifetime than petrol cars",
                "claimant": "roadway-freedom-campaign",
                "rating": "misleading",
                "summary": (
                    "Building an electric car does produce more emissions than building a "
                    "petrol one, mainly because of the battery. But lifecycle studies find "
                    "that electric cars make up for this on the road and emit less over "
                    "their lifetime in every major market studied."
                ),
                "appearances": [
                    {
                        "url": "https://example.org/roadway-freedom/ev-myths-page",
                        "medium": "web",
                        "outlet": "Roadway Freedom Campaign website",
                        "appeared_on": _ago(47),
                        "is_first": True,
                    },
                    {
                        "url": "https://example.org/x/ev-co2-graphic",
                        "medium": "social",
                        "outlet": "X",
                        "appeared_on": _ago(44),
                        "is_first": False,
                    },
                ],
            },
        ],
        "sources": [
            {
                "title": (
                    "A global comparison of the life-cycle greenhouse gas emissions of "
                    "combustion engine and electric passenger cars"
                ),
                "publisher": "International Council on Clean Transportation",
                "url": "",
                "citation": (
                    "Bieker G. A global comparison of the life-cycle greenhouse gas "
                    "emissions of combustion engine and electric passenger cars. "
                    "International Council on Clean Transportation, July 2021."
                ),
                "kind": "study",
                "origin": "primary",
                "published_on": datetime.date(2021, 7, 20),
                "claim": 0,
            },
            {
                "title": "Electric Vehicle Myths",
                "publisher": "US Environmental Protection Agency",
                "url": "https://www.epa.gov/greenvehicles/electric-vehicle-myths",
                "citation": "",
                "kind": "regulator",
                "origin": "secondary",
                "published_on": None,
                "claim": 0,
            },
            {
                "title": "“EV myths” page on the Roadway Freedom Campaign website",
                "publisher": "Roadway Freedom Campaign",
                "url": "https://example.org/roadway-freedom/ev-myths-page",
                "citation": "",
                "kind": "other",
                "origin": "primary",
                "published_on": _ago(47),
                "claim": 0,
            },
            {
                "title": "Video interview with Dr Ingrid Solvang",
                "publisher": "",
                "url": "",
                "citation": (
                    "Dr Ingrid Solvang, Institute for Sustainable Transport, Lakeside "
                    "University. Interviewed by video call."
                ),
                "kind": "interview",
                "origin": "primary",
                "published_on": _ago(41),
                "claim": 0,
            },
        ],
        "quotes": [
            {
                "expert": "solvang",
                "text": (
                    "The battery gives an electric car a carbon head start it has to work "
                    "off, and that part of the argument is fair. Where it goes wrong is "
                    "stopping the count at the factory gate."
                ),
                "obtained_via": "phone",
                "obtained_on": _ago(41),
            },
        ],
        "corrections": [
            {
                "kind": "correction",
                "text": (
                    "An earlier version of this article attributed the 2021 comparison of "
                    "lifecycle emissions in Europe, the United States, China and India to "
                    "the US Environmental Protection Agency. It was published by the "
                    "International Council on Clean Transportation. We have corrected the "
                    "attribution; the findings described are unchanged."
                ),
                "days_after": 2,
            },
        ],
        "change_request_note": "",
    },
    # ------------------------------------------------------------------ bananas
    {
        "slug": "bananas-are-naturally-radioactive",
        "headline": "Yes, bananas are slightly radioactive, and that is nothing to worry about",
        "standfirst": (
            "A trivia post says bananas are naturally radioactive. That is true: they "
            "contain a tiny amount of radioactive potassium, as do our own bodies, but "
            "the dose from eating them is negligible."
        ),
        "key_points": [
            "Bananas are rich in potassium, a small fraction of which is the naturally "
            "radioactive isotope potassium-40.",
            "The radiation dose from eating a banana is a tiny fraction of what we "
            "receive every day from natural sources.",
            "The body keeps its potassium level steady, so eating more bananas does not "
            "build up radioactivity.",
        ],
        "body": (
            "<p>“Bananas are naturally radioactive,” says an image posted by a popular "
            "Facebook trivia page, alongside a cartoon banana wearing a hazard symbol. "
            "Some commenters asked whether they should stop eating them. The claim is "
            "true, but the level of radioactivity is far too low to pose any risk. We "
            "looked at where it comes from and how it compares with the radiation we are "
            "all exposed to every day.</p>"
            "<h2>Where the radioactivity comes from</h2>"
            "<p>Bananas are a good source of potassium, an essential nutrient: a medium "
            "banana contains roughly 400 milligrams. Almost all potassium is stable, but "
            "about 0.012% of it is potassium-40, a radioactive isotope that has existed "
            "since before the Earth formed and decays extremely slowly.</p>"
            "<p>That small fraction means a typical banana undergoes around 15 "
            "radioactive decays every second. The same isotope is present in potatoes, "
            "beans, nuts, meat and every other food containing potassium, and in our own "
            "bodies, which contain several thousand becquerels of potassium-40 at any "
            "time.</p>"
            "<p>None of this is new to physicists, who have long used bananas to explain "
            "radioactivity to students. The effect is even measurable in bulk: large "
            "shipments of bananas have been known to trigger the sensitive radiation "
            "detectors used to screen cargo at ports and border crossings.</p>"
            "<h2>How big is the dose?</h2>"
            "<p>Scientists sometimes use the “banana equivalent dose”, often put at about "
            "0.1 microsieverts, as an informal way to compare small amounts of radiation. "
            "For comparison, the United Nations Scientific Committee on the Effects of "
            "Atomic Radiation estimates that people receive on average about 2,400 "
            "microsieverts a year from natural background radiation, from sources such "
            "as the ground, the air we breathe and cosmic rays. A single long-haul "
            "flight adds tens of microsieverts, the equivalent of hundreds of "
            "bananas.</p>"
            "<p>Even that comparison overstates the effect of eating bananas. The body "
            "tightly regulates how much potassium it holds and excretes any excess, so "
            "eating extra bananas does not raise the amount of potassium-40 inside you "
            "for long.</p>"
            "<p>Bananas are, in a strict sense, radioactive, as are many ordinary foods "
            "and people themselves. Health authorities recommend potassium-rich fruit and "
            "vegetables as part of a balanced diet, and there is no reason to avoid "
            "bananas because of their radioactivity.</p>"
        ),
        "topics": ["science", "health"],
        "authors": ["reporter"],
        "state": "scheduled",
        "days_ago": 2,
        "language": "en",
        "partner_credit": "",
        "claims": [
            {
                "statement": "Bananas are naturally radioactive",
                "claimant": "viral-facebook-trivia-post",
                "rating": "true",
                "summary": (
                    "Bananas contain potassium, a small share of which is naturally "
                    "radioactive potassium-40. The dose from eating one is tiny compared "
                    "with everyday background radiation and poses no health risk."
                ),
                "appearances": [
                    {
                        "url": "https://example.org/facebook/radioactive-banana-image",
                        "medium": "social",
                        "outlet": "Facebook",
                        "appeared_on": _ago(6),
                        "is_first": True,
                    },
                ],
            },
        ],
        "sources": [
            {
                "title": "Ionizing radiation and health effects",
                "publisher": "World Health Organization",
                "url": (
                    "https://www.who.int/news-room/fact-sheets/detail/"
                    "ionizing-radiation-and-health-effects"
                ),
                "citation": "",
                "kind": "official",
                "origin": "secondary",
                "published_on": None,
                "claim": 0,
            },
            {
                "title": "Sources and Effects of Ionizing Radiation, UNSCEAR 2008 Report",
                "publisher": (
                    "United Nations Scientific Committee on the Effects of Atomic Radiation"
                ),
                "url": "",
                "citation": (
                    "UNSCEAR. Sources and Effects of Ionizing Radiation: UNSCEAR 2008 "
                    "Report to the General Assembly, Volume I, Annex B: Exposures of the "
                    "public and workers from various sources of radiation. United Nations, "
                    "2010."
                ),
                "kind": "study",
                "origin": "primary",
                "published_on": None,
                "claim": 0,
            },
            {
                "title": "Written answers from Dr Pradeep Menon",
                "publisher": "",
                "url": "",
                "citation": (
                    "Dr Pradeep Menon, medical physicist, Southfield General Hospital. "
                    "Written response to questions sent by email."
                ),
                "kind": "interview",
                "origin": "primary",
                "published_on": _ago(3),
                "claim": 0,
            },
        ],
        "quotes": [
            {
                "expert": "menon",
                "text": (
                    "You are more radioactive than the banana you are eating. Potassium-40 "
                    "is part of normal life on Earth, and the amounts in food are nowhere "
                    "near a level that matters for health."
                ),
                "obtained_via": "written",
                "obtained_on": _ago(3),
            },
        ],
        "corrections": [],
        "change_request_note": "",
    },
    # ---------------------------------------------------------------------- 5G
    {
        "slug": "household-5g-routers-headaches",
        "headline": "No evidence that household 5G routers cause headaches",
        "standfirst": (
            "A campaign group says home 5G routers give people headaches. It offers no "
            "evidence, and studies of people who report symptoms from wireless signals "
            "have not found a link with actual exposure."
        ),
        "key_points": [
            "Home 5G routers emit radio waves at low power, well within international "
            "exposure limits.",
            "In blinded experiments, people who report symptoms from wireless signals "
            "have not been able to tell when a signal is on.",
            "The headaches people report are real, but research has not linked them to "
            "radio signals.",
        ],
        "body": (
            "<p>A leaflet distributed by the Safe Signal Network, a group opposed to the "
            "roll-out of 5G equipment, warns that “household 5G routers cause headaches” "
            "and urges readers to switch theirs off at night. Photographs of the leaflet "
            "have been shared in several local Facebook groups.</p>"
            "<p>We asked the group for the evidence behind the claim. It sent us a list of "
            "personal accounts from people who said their headaches began after a router "
            "was installed, but no scientific studies. We found no reliable evidence "
            "that 5G routers cause headaches, and we rate the claim unproven.</p>"
            "<h2>What a 5G router emits</h2>"
            "<p>A home 5G router receives a mobile signal and shares it as Wi-Fi around "
            "the house, much as a broadband router does. Both the mobile link and the "
            "Wi-Fi use radio waves, a form of non-ionising radiation that does not carry "
            "enough energy to damage DNA. The main established effect of radio waves on "
            "the body is slight heating, and international guidelines set exposure "
            "limits well below the level at which that heating becomes significant.</p>"
            "<p>Household routers transmit at low power, and exposure falls quickly with "
            "distance. The World Health Organization says that, provided overall "
            "exposure stays below international guidelines, no consequences for public "
            "health are anticipated from 5G.</p>"
            "<h2>What studies of symptoms show</h2>"
            "<p>Some people report headaches, tiredness or difficulty sleeping that they "
            "attribute to wireless signals. Researchers have tested this in “provocation” "
            "studies, in which volunteers are exposed either to a real signal or to a "
            "sham one without knowing which. A systematic review of such studies found "
            "that participants were not able to detect real signals more often than "
            "chance, and that symptoms appeared whether or not a signal was actually "
            "present.</p>"
            "<p>That does not mean the symptoms are imaginary. Researchers point to the "
            "“nocebo” effect, in which the expectation of harm can itself bring on real "
            "symptoms. Headaches are also very common and have many causes.</p>"
            "<p>Most research to date has looked at older mobile technologies, and "
            "scientists continue to study newer frequencies. But nothing so far suggests "
            "that household 5G routers cause headaches, and the group making the claim "
            "has not provided evidence that they do.</p>"
        ),
        "topics": ["technology", "health"],
        "authors": ["reporter"],
        "state": "review",
        "days_ago": 4,
        "language": "en",
        "partner_credit": "",
        "claims": [
            {
                "statement": "Household 5G routers cause headaches",
                "claimant": "safe-signal-network",
                "rating": "unproven",
                "summary": (
                    "The group offered personal accounts but no studies. Home 5G routers "
                    "operate well within international exposure limits, and blinded "
                    "experiments have not linked symptoms such as headaches to real "
                    "exposure to radio signals."
                ),
                "appearances": [
                    {
                        "url": "https://example.org/leaflets/safe-signal-5g-routers",
                        "medium": "print",
                        "outlet": "Campaign leaflet",
                        "appeared_on": _ago(12),
                        "is_first": True,
                    },
                    {
                        "url": "https://example.org/facebook/local-group-5g-leaflet",
                        "medium": "social",
                        "outlet": "Facebook",
                        "appeared_on": _ago(10),
                        "is_first": False,
                    },
                ],
            },
        ],
        "sources": [
            {
                "title": "Radiation: 5G mobile networks and health",
                "publisher": "World Health Organization",
                "url": (
                    "https://www.who.int/news-room/questions-and-answers/item/"
                    "radiation-5g-mobile-networks-and-health"
                ),
                "citation": "",
                "kind": "official",
                "origin": "secondary",
                "published_on": None,
                "claim": 0,
            },
            {
                "title": (
                    "Guidelines for Limiting Exposure to Electromagnetic Fields "
                    "(100 kHz to 300 GHz)"
                ),
                "publisher": "International Commission on Non-Ionizing Radiation Protection",
                "url": "",
                "citation": (
                    "International Commission on Non-Ionizing Radiation Protection. "
                    "Guidelines for Limiting Exposure to Electromagnetic Fields "
                    "(100 kHz to 300 GHz). Health Physics 118(5): 483–524, 2020."
                ),
                "kind": "regulator",
                "origin": "primary",
                "published_on": None,
                "claim": 0,
            },
            {
                "title": (
                    "Electromagnetic hypersensitivity: a systematic review of provocation "
                    "studies"
                ),
                "publisher": "Psychosomatic Medicine",
                "url": "",
                "citation": (
                    "Rubin GJ, Das Munshi J, Wessely S. Electromagnetic hypersensitivity: "
                    "a systematic review of provocation studies. Psychosomatic Medicine "
                    "67(2): 224–232, 2005."
                ),
                "kind": "study",
                "origin": "primary",
                "published_on": None,
                "claim": 0,
            },
            {
                "title": "Safe Signal Network leaflet on 5G routers",
                "publisher": "Safe Signal Network",
                "url": "https://example.org/leaflets/safe-signal-5g-routers",
                "citation": "",
                "kind": "other",
                "origin": "primary",
                "published_on": _ago(12),
                "claim": 0,
            },
        ],
        "quotes": [
            {
                "expert": "brennan",
                "text": (
                    "When we test people under blinded conditions, the symptoms turn up "
                    "whether the signal is on or off. That tells us the suffering is real, "
                    "but the router is not what is causing it."
                ),
                "obtained_via": "phone",
                "obtained_on": _ago(5),
            },
        ],
        "corrections": [],
        "change_request_note": "",
    },
    # ----------------------------------------------------------- phone charging
    {
        "slug": "charging-phone-overnight-battery",
        "headline": "Charging your phone overnight will not ruin its battery",
        "standfirst": (
            "A viral post warns that leaving a phone on charge overnight destroys its "
            "battery. Keeping a battery full and warm does speed up its ageing, but "
            "modern phones manage charging to limit this, and the effect is gradual."
        ),
        "key_points": [
            "Lithium-ion batteries wear faster when they are kept at full charge and when "
            "they get hot.",
            "Phones stop charging when full, and many now pause at about 80% overnight "
            "to reduce wear.",
            "Heat is the bigger enemy: avoid charging under pillows or in direct sun.",
        ],
        "body": (
            "<p>“Never charge your phone overnight – you’re killing the battery,” says a "
            "post on X that has been shared thousands of times. The post claims that "
            "keeping a phone plugged in after it reaches 100% “overloads” the battery and "
            "will ruin it within months.</p>"
            "<p>There is a grain of truth in the warning, but the post exaggerates it and "
            "gets the mechanism wrong. We rate it misleading.</p>"
            "<h2>How phone batteries age</h2>"
            "<p>Almost all smartphones use lithium-ion batteries, which lose capacity "
            "gradually as they are used. Two things speed up that decline: heat, and "
            "spending long periods at a very high state of charge. A battery that sits "
            "at 100% for hours every night will, over time, tend to lose capacity "
            "somewhat faster than one kept at a lower level.</p>"
            "<p>But a phone does not keep pushing current into a full battery. Its "
            "charging circuitry stops charging at 100% and only tops the battery up as it "
            "slowly drains, so there is no “overloading”. The result is slower wear over "
            "a period of years rather than a battery ruined within months.</p>"
            "<p>Manufacturers generally design phone batteries to keep about 80% of "
            "their original capacity after several hundred to a thousand full charge "
            "cycles, depending on the model. For most people that means noticeable wear "
            "after two or three years of daily use, whether or not they charge "
            "overnight.</p>"
            "<h2>What manufacturers have done about it</h2>"
            "<p>Major phone makers now build in features that learn a user’s routine and "
            "hold the battery at around 80% for most of the night, finishing the charge "
            "shortly before the usual wake-up time. Apple calls this optimised battery "
            "charging; several Android manufacturers offer similar adaptive charging "
            "modes.</p>"
            "<p>Heat matters more than timing. Charging a phone under a pillow, in a thick "
            "case or in direct sunlight can raise its temperature and speed up wear far "
            "more than charging it overnight on a bedside table.</p>"
            "<p>If you want your battery to last as long as possible, keep the phone "
            "cool, use the charging features built into it, and avoid regularly running "
            "it down to zero. Charging overnight is not, on its own, going to ruin it. "
            "The account that posted the warning did not respond to our request for "
            "comment.</p>"
        ),
        "topics": ["technology"],
        "authors": ["journalist"],
        "state": "changes_requested",
        "days_ago": 6,
        "language": "en",
        "partner_credit": "",
        "claims": [
            {
                "statement": "Charging your phone overnight will ruin its battery",
                "claimant": "viral-x-post",
                "rating": "misleading",
                "summary": (
                    "Keeping a lithium-ion battery full and warm does make it age a little "
                    "faster. But phones stop charging when full, many limit overnight "
                    "charging to about 80%, and the effect builds up over years rather "
                    "than ruining a battery in months."
                ),
                "appearances": [
                    {
                        "url": "https://example.org/x/never-charge-overnight-post",
                        "medium": "social",
                        "outlet": "X",
                        "appeared_on": _ago(10),
                        "is_first": True,
                    },
                ],
            },
        ],
        "sources": [
            {
                "title": "Batteries: Why Lithium-ion?",
                "publisher": "Apple",
                "url": "https://www.apple.com/batteries/why-lithium-ion/",
                "citation": "",
                "kind": "other",
                "origin": "secondary",
                "published_on": None,
                "claim": 0,
            },
            {
                "title": "Forum thread: does adaptive charging actually work?",
                "publisher": "Phone enthusiasts forum",
                "url": "https://example.org/forum/adaptive-charging-thread",
                "citation": "",
                "kind": "other",
                "origin": "secondary",
                "published_on": _ago(40),
                "claim": 0,
            },
            {
                "title": "Phone interview with Dr Elif Demir",
                "publisher": "",
                "url": "",
                "citation": (
                    "Dr Elif Demir, Battery Materials Laboratory, Eastgate University. "
                    "Interviewed by phone."
                ),
                "kind": "interview",
                "origin": "primary",
                "published_on": _ago(5),
                "claim": 0,
            },
        ],
        "quotes": [
            {
                "expert": "demir",
                "text": (
                    "A battery sitting at full charge ages a little faster, that’s real "
                    "chemistry. But the difference over a phone’s lifetime is modest, and "
                    "the charging software already does most of the work of protecting it."
                ),
                "obtained_via": "phone",
                "obtained_on": _ago(5),
            },
        ],
        "corrections": [],
        "change_request_note": (
            "Nearly there, but two things before this can go out. First, the adaptive "
            "charging paragraph relies on a forum thread: replace it with the phone "
            "makers’ own help pages for optimised and adaptive charging. Second, the "
            "headline is flatter than the verdict – the article rates the claim "
            "misleading, not false, so say that full charge does add some wear. Something "
            "like “Charging overnight won’t ruin your phone battery, but heat might”."
        ),
    },
    # -------------------------------------------------------- draft (politics)
    {
        "slug": "eastmoor-council-budget-consultants",
        "headline": "Does half of Eastmoor council’s budget go on consultants?",
        "standfirst": (
            "A councillor says half the council’s budget is spent on outside consultants. "
            "We are checking the council’s accounts."
        ),
        "key_points": [
            "The claim appears in a campaign leaflet ahead of next month’s by-election.",
        ],
        "body": (
            "<p>A leaflet delivered to homes in the Northgate ward ahead of next month’s "
            "by-election says that “half the council’s budget is spent on outside "
            "consultants”. The leaflet was produced by Cllr Owen Trask, an independent "
            "member of Eastmoor Borough Council, who is campaigning for a candidate "
            "standing in the ward.</p>"
            "<h2>What the accounts show</h2>"
            "<p>Eastmoor’s budget book for this financial year sets out gross spending of "
            "around £410 million across all services. The largest items are adult social "
            "care, children’s services and waste collection. Spending on consultants is "
            "not shown as a single line, so we have asked the council’s finance team for "
            "a breakdown.</p>"
            "<p>Councils commonly hire consultants for specialist work such as large "
            "building projects, new IT systems and reviews of how services are run. "
            "Cllr Trask has criticised the use of consultants at several council meetings "
            "this year, most recently over the cost of advice on the redevelopment of the "
            "town centre bus station.</p>"
            "<p>The council’s own published list of payments over £500 includes a number "
            "of professional services firms, but so far we have not found anything close "
            "to half of total spending. [TO CHECK: does “consultants” in the leaflet "
            "include agency social workers and contracted care providers? If so, the "
            "figure could be much higher – ask Cllr Trask’s office how they calculated "
            "it.]</p>"
            "<p>We have contacted Cllr Trask for the source of the figure and are waiting "
            "for a reply. The council’s press office said it would provide figures but "
            "has not yet done so.</p>"
            "<h2>What counts as a consultant?</h2>"
            "<p>Much depends on the definition. Councils pay outside organisations for "
            "a wide range of work, from running care homes to collecting bins, and those "
            "contracts make up a large share of spending at many authorities. Paying a "
            "company to deliver a service is not usually described as hiring "
            "consultants, but a leaflet reader might not draw the distinction.</p>"
            "<p>If the leaflet’s figure counts every outside contractor, it may be "
            "closer to the mark; if it means consultants in the usual sense, it looks "
            "far too high. We need the council’s breakdown before we can say which.</p>"
            "<p>[Still to do: the council’s response; an expert on local government "
            "finance; the verdict.]</p>"
        ),
        "topics": ["politics", "economy"],
        "authors": ["reporter"],
        "state": "draft",
        "days_ago": 1,
        "language": "en",
        "partner_credit": "",
        "claims": [
            {
                "statement": "Half the council’s budget is spent on outside consultants",
                "claimant": "owen-trask",
                "rating": None,
                "summary": "",
                "appearances": [
                    {
                        "url": "https://example.org/leaflets/northgate-by-election-trask",
                        "medium": "print",
                        "outlet": "Campaign leaflet",
                        "appeared_on": _ago(4),
                        "is_first": True,
                    },
                ],
            },
        ],
        "sources": [
            {
                "title": "Revenue budget book",
                "publisher": "Eastmoor Borough Council",
                "url": "https://example.org/eastmoor-council/budget-book",
                "citation": "",
                "kind": "official",
                "origin": "primary",
                "published_on": _ago(240),
                "claim": 0,
            },
            {
                "title": "Payments to suppliers over £500",
                "publisher": "Eastmoor Borough Council",
                "url": "https://example.org/eastmoor-council/payments-over-500",
                "citation": "",
                "kind": "dataset",
                "origin": "primary",
                "published_on": _ago(30),
                "claim": 0,
            },
        ],
        "quotes": [],
        "corrections": [],
        "change_request_note": "",
    },
]

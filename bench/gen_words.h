/* Word pools for the generator: invented people, places and note sentences.
 * Non-ASCII names on purpose (Welsh, Irish, Polish, Turkish...), and a few
 * with apostrophes and hyphens, so that every path meets them. */
#ifndef GEN_WORDS_H
#define GEN_WORDS_H

#define NELEM(a) (sizeof(a) / sizeof((a)[0]))

static const char *const FORENAMES_F[] = {
    "Siân", "Zoë", "Chloë", "Siobhán", "Aoife", "Niamh", "Bethan", "Ffion", "Cerys", "Gwenllïan",
    "Renée", "Zuzanna", "Agnieszka", "Çağla", "Mhairi", "Rhiannon", "Eleri", "Nia", "Megan",
    "Sarah", "Emma", "Laura", "Jessica", "Hannah", "Amy", "Rebecca", "Charlotte", "Sophie",
    "Lauren", "Kirsty", "Leanne", "Danielle", "Stacey", "Gemma", "Natalie", "Michelle",
    "Aisha", "Fatima", "Priya", "Amara", "Chidinma", "Ioana", "Małgorzata", "Þóra", "Inés",
    "Lucía", "Maëlle", "Søren", "Tegan", "Carys", "Sinéad", "Gráinne", "Olivia", "Ruby"};

static const char *const FORENAMES_M[] = {
    "Llŷr", "Seán", "Pádraig", "Tomás", "Dafydd", "Rhodri", "Gethin", "Ioan", "Aled", "Emyr",
    "Łukasz", "Jiří", "Björn", "Eòghann", "José", "Ömer", "Mehmet", "Kacper", "Andrzej",
    "John", "David", "Michael", "James", "Daniel", "Christopher", "Matthew", "Ryan", "Lee",
    "Craig", "Jamie", "Liam", "Connor", "Kyle", "Dean", "Wayne", "Darren", "Jason", "Paul",
    "Mark", "Steven", "Gareth", "Owain", "Callum", "Mohammed", "Imran", "Tariq", "Kwame",
    "Chukwuemeka", "Dariusz", "Ciarán", "Eoin", "Rónán", "Dylan", "Tyler", "Reece", "Jordan"};

static const char *const SURNAMES[] = {
    "Llŷr", "Ó Ceallaigh", "Ní Bhriain", "Ó Súilleabháin", "Mac Giolla Phádraig", "Prys-Jones",
    "Ffrancon", "ap Dafydd", "O'Brien", "O'Neill", "McAllister", "Nowak", "Kowalczyk",
    "Wiśniewski", "Öztürk", "Yılmaz", "Müller", "Núñez", "Dvořák", "Brontë", "Gruffydd",
    "Jones", "Williams", "Davies", "Evans", "Thomas", "Roberts", "Hughes", "Lewis", "Morgan",
    "Griffiths", "Smith", "Brown", "Taylor", "Wilson", "Johnson", "Walker", "Wright",
    "Robinson", "Thompson", "White", "Hall", "Green", "Wood", "Harris", "Clarke", "Jackson",
    "Turner", "Hill", "Cooper", "Ward", "Khan", "Ahmed", "Begum", "Hussain", "Patel", "Singh",
    "Okafor", "Mensah", "Adeyemi", "Campbell", "Stewart", "Murphy", "Kelly", "Doyle",
    "Fitzgerald", "Byrne", "Lynch", "Price", "Powell", "Jenkins", "Rees", "Owen", "Pritchard",
    "Bowen", "Vaughan", "Llewellyn", "Parry", "Ellis", "Howells", "Harrison", "Marshall"};

static const char *const STREETS[] = {
    "Heol y Dŵr", "Stryd Fawr", "High Street", "Station Road", "Church Lane", "Victoria Road",
    "Park Avenue", "Mill Lane", "Queen Street", "King's Road", "Clive Street", "Bute Terrace",
    "Moor Lane", "Castle Street", "Brook Close", "Ffordd Pengam", "Greenway Road",
    "Albert Street", "New Road", "The Crescent", "Canal Side", "Chapel Row"};

static const char *const TOWNS[] = {
    "Caerdydd", "Abertawe", "Newport", "Bristol", "Manchester", "Leeds", "Sheffield",
    "Birmingham", "Liverpool", "Nottingham", "Leicester", "Coventry", "Stoke-on-Trent",
    "Wolverhampton", "Derby", "Plymouth", "Exeter", "Swindon", "Reading", "Luton",
    "Norwich", "Ipswich", "Peterborough", "Hull", "York", "Bradford", "Wakefield",
    "Doncaster", "Middlesbrough", "Sunderland", "Newcastle", "Carlisle", "Preston",
    "Blackpool", "Bolton", "Wigan", "Warrington", "Chester", "Wrexham", "Bangor",
    "Aberystwyth", "Merthyr Tudful", "Pontypridd", "Llanelli", "Gloucester", "Worcester",
    "Hereford", "Shrewsbury", "Lincoln", "Northampton", "Bedford", "Oxford", "Cambridge",
    "Southampton", "Portsmouth", "Brighton", "Hastings", "Canterbury", "Maidstone",
    "Croydon", "Lambeth", "Hackney", "Ealing", "Barnet", "Enfield", "Tower Hamlets"};

static const char *const POSTAREAS[] = {"CF", "SA", "NP", "BS", "M", "LS", "S", "B", "L",
                                         "NG", "LE", "CV", "ST", "WV", "DE", "PL", "EX",
                                         "SN", "RG", "LU", "NR", "IP", "PE", "HU", "YO"};

static const char *const COURTS[] = {
    "Cardiff Magistrates' Court", "Cardiff Crown Court", "Bristol Magistrates' Court",
    "Bristol Crown Court", "Manchester Magistrates' Court", "Manchester Crown Court (Minshull Street)",
    "Leeds Magistrates' Court", "Leeds Crown Court", "Swansea Crown Court",
    "Newport (South Wales) Crown Court", "Merthyr Tydfil Combined Court",
    "Birmingham Magistrates' Court", "Liverpool Crown Court", "Sheffield Magistrates' Court",
    "Highbury Corner Magistrates' Court", "Westminster Magistrates' Court"};

static const char *const PROGRAMMES[] = {
    "Thinking Skills Programme", "Building Better Relationships", "Kaizen", "Horizon",
    "Building Choices", "Resolve", "New Me Strengths"};

static const char *const TEAMS[] = {"Court team", "Public protection", "Community team A",
                                     "Community team B", "Unpaid work", "Resettlement"};

static const char *const UPW_SITES[] = {
    "Community payback: allotments, Pengam", "Community payback: charity shop, Queen Street",
    "Community payback: canal clearance", "Community payback: church hall repaint",
    "Community payback: workshop"};

/* Sentences that notes are built from: commas, quotes and a few non-ASCII words. */
static const char *const NOTE_SENTENCES[] = {
    "Attended on time and engaged well with the session.",
    "Discussed progress on the order, including attendance so far.",
    "Reports that accommodation remains stable, living with partner and two children.",
    "Said he has been \"keeping his head down\" since the last appointment.",
    "Disclosed increased alcohol use over the weekend; discussed triggers and coping strategies.",
    "Reviewed the sentence plan objectives; employment remains the priority.",
    "Referred to the employment, training and education provider, appointment to follow.",
    "No concerns raised about contact with the victim.",
    "Checked address on the police national computer, no new intelligence.",
    "Completed the Thinking Skills worksheet on consequential thinking.",
    "Presented as tired and withdrawn, said sleep has been poor, agreed to see the GP.",
    "Reminded of the conditions of the order and the consequences of further absence.",
    "Explained the warning process; understands that another failure may lead to court.",
    "Spoke about finances, Universal Credit payment is due next week.",
    "Liaised with the substance misuse worker, who confirmed attendance at the clinic.",
    "Home visit: the property was clean and tidy, partner present throughout.",
    "Telephone contact: rang to say the bus was cancelled, arrived 20 minutes late.",
    "Discussed the victim awareness module, showed some insight into the harm caused.",
    "Said the café job starts on Monday, hours to be confirmed by the employer.",
    "Unpaid work supervisor reports good effort, hours credited as worked.",
    "Safeguarding: checked with children's services, no change to the plan.",
    "MAPPA meeting minutes received and read; actions noted for the next review.",
    "Asked about the programme start date, told the next group begins in three weeks.",
    "Mood appeared low; talked through support options, including the crisis line.",
    "Siân from the housing team confirmed the tenancy has been renewed.",
    "Agreed next steps: attend the job centre, bring proof of address next time.",
    "Brought a letter from the hospital, appointment clashes with the next session.",
    "Talked about relationships, denies any contact with the former partner.",
    "Drug test taken, result to follow from the laboratory.",
    "Completed the RAR activity on problem solving, engaged throughout."};

#endif

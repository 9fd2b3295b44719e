--
-- PostgreSQL database dump
--

\restrict VpzBygKHaitCuzUck34pz3gRETKAXIAfwhfy1xm52MzIXmP38gBofffRc1vh02a

-- Dumped from database version 15.20 (Debian 15.20-0+deb12u1)
-- Dumped by pg_dump version 15.20 (Debian 15.20-0+deb12u1)

SET statement_timeout = 0;
SET lock_timeout = 0;
SET idle_in_transaction_session_timeout = 0;
SET client_encoding = 'UTF8';
SET standard_conforming_strings = on;
SELECT pg_catalog.set_config('search_path', '', false);
SET check_function_bodies = false;
SET xmloption = content;
SET client_min_messages = warning;
SET row_security = off;

--
-- Name: pg_trgm; Type: EXTENSION; Schema: -; Owner: -
--

CREATE EXTENSION IF NOT EXISTS pg_trgm WITH SCHEMA public;


--
-- Name: EXTENSION pg_trgm; Type: COMMENT; Schema: -; Owner: -
--

COMMENT ON EXTENSION pg_trgm IS 'text similarity measurement and index searching based on trigrams';


SET default_tablespace = '';

SET default_table_access_method = heap;

--
-- Name: aliases; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.aliases (
    alias character varying(255) NOT NULL,
    speaker_id integer NOT NULL
);


--
-- Name: articles; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.articles (
    id character varying(255) NOT NULL,
    title text,
    published character varying(40),
    url text,
    outlet text,
    byline text,
    body text NOT NULL,
    source text,
    content_hash character varying(64),
    status character varying(16) NOT NULL,
    indexed_at timestamp with time zone NOT NULL,
    ingest_run integer
);


--
-- Name: digest_articles; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.digest_articles (
    article_id character varying(255) NOT NULL,
    digest_id integer NOT NULL
);


--
-- Name: digest_parts; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.digest_parts (
    digest_id integer NOT NULL,
    part integer NOT NULL,
    ts character varying(32) NOT NULL
);


--
-- Name: digests; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.digests (
    id integer NOT NULL,
    created_at timestamp with time zone NOT NULL,
    channel character varying(64) NOT NULL,
    status character varying(16) NOT NULL,
    parts integer NOT NULL,
    message_ts character varying(32),
    sent_at timestamp with time zone,
    attempts integer NOT NULL,
    last_error text
);


--
-- Name: digests_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

CREATE SEQUENCE public.digests_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: digests_id_seq; Type: SEQUENCE OWNED BY; Schema: public; Owner: -
--

ALTER SEQUENCE public.digests_id_seq OWNED BY public.digests.id;


--
-- Name: ingest_problems; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.ingest_problems (
    id integer NOT NULL,
    run_id integer NOT NULL,
    path text NOT NULL,
    reason text NOT NULL
);


--
-- Name: ingest_problems_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

CREATE SEQUENCE public.ingest_problems_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: ingest_problems_id_seq; Type: SEQUENCE OWNED BY; Schema: public; Owner: -
--

ALTER SEQUENCE public.ingest_problems_id_seq OWNED BY public.ingest_problems.id;


--
-- Name: ingest_runs; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.ingest_runs (
    id integer NOT NULL,
    started_at timestamp with time zone NOT NULL,
    finished_at timestamp with time zone,
    new integer NOT NULL,
    changed integer NOT NULL,
    unchanged integer NOT NULL,
    removed integer NOT NULL,
    skipped integer NOT NULL
);


--
-- Name: ingest_runs_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

CREATE SEQUENCE public.ingest_runs_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: ingest_runs_id_seq; Type: SEQUENCE OWNED BY; Schema: public; Owner: -
--

ALTER SEQUENCE public.ingest_runs_id_seq OWNED BY public.ingest_runs.id;


--
-- Name: leases; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.leases (
    name character varying(64) NOT NULL,
    owner character varying(64) NOT NULL,
    heartbeat timestamp with time zone NOT NULL
);


--
-- Name: paragraphs; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.paragraphs (
    id integer NOT NULL,
    article_id character varying(255) NOT NULL,
    idx integer NOT NULL,
    start integer NOT NULL,
    "end" integer NOT NULL,
    text text NOT NULL
);


--
-- Name: paragraphs_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

CREATE SEQUENCE public.paragraphs_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: paragraphs_id_seq; Type: SEQUENCE OWNED BY; Schema: public; Owner: -
--

ALTER SEQUENCE public.paragraphs_id_seq OWNED BY public.paragraphs.id;


--
-- Name: quotebot_meta; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.quotebot_meta (
    key character varying(64) NOT NULL,
    value text NOT NULL
);


--
-- Name: quotes; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.quotes (
    id integer NOT NULL,
    article_id character varying(255) NOT NULL,
    n integer NOT NULL,
    text text NOT NULL,
    norm text NOT NULL,
    speaker_id integer,
    role text,
    confidence double precision NOT NULL,
    cue character varying(64),
    kind character varying(16) NOT NULL,
    start integer NOT NULL,
    "end" integer NOT NULL,
    paragraph integer NOT NULL,
    evidence text,
    antecedent text,
    run integer NOT NULL
);


--
-- Name: quotes_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

CREATE SEQUENCE public.quotes_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: quotes_id_seq; Type: SEQUENCE OWNED BY; Schema: public; Owner: -
--

ALTER SEQUENCE public.quotes_id_seq OWNED BY public.quotes.id;


--
-- Name: reports; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.reports (
    id integer NOT NULL,
    article_id character varying(255) NOT NULL,
    n integer NOT NULL,
    text text NOT NULL,
    norm text NOT NULL,
    speaker_id integer NOT NULL,
    cue character varying(64) NOT NULL,
    start integer NOT NULL,
    "end" integer NOT NULL,
    paragraph integer NOT NULL
);


--
-- Name: reports_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

CREATE SEQUENCE public.reports_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: reports_id_seq; Type: SEQUENCE OWNED BY; Schema: public; Owner: -
--

ALTER SEQUENCE public.reports_id_seq OWNED BY public.reports.id;


--
-- Name: speakers; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.speakers (
    id integer NOT NULL,
    name character varying(255) NOT NULL
);


--
-- Name: speakers_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

CREATE SEQUENCE public.speakers_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: speakers_id_seq; Type: SEQUENCE OWNED BY; Schema: public; Owner: -
--

ALTER SEQUENCE public.speakers_id_seq OWNED BY public.speakers.id;


--
-- Name: digests id; Type: DEFAULT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.digests ALTER COLUMN id SET DEFAULT nextval('public.digests_id_seq'::regclass);


--
-- Name: ingest_problems id; Type: DEFAULT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.ingest_problems ALTER COLUMN id SET DEFAULT nextval('public.ingest_problems_id_seq'::regclass);


--
-- Name: ingest_runs id; Type: DEFAULT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.ingest_runs ALTER COLUMN id SET DEFAULT nextval('public.ingest_runs_id_seq'::regclass);


--
-- Name: paragraphs id; Type: DEFAULT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.paragraphs ALTER COLUMN id SET DEFAULT nextval('public.paragraphs_id_seq'::regclass);


--
-- Name: quotes id; Type: DEFAULT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.quotes ALTER COLUMN id SET DEFAULT nextval('public.quotes_id_seq'::regclass);


--
-- Name: reports id; Type: DEFAULT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.reports ALTER COLUMN id SET DEFAULT nextval('public.reports_id_seq'::regclass);


--
-- Name: speakers id; Type: DEFAULT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.speakers ALTER COLUMN id SET DEFAULT nextval('public.speakers_id_seq'::regclass);


--
-- Data for Name: aliases; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.aliases (alias, speaker_id) FROM stdin;
Sir Keir	1
Keir	1
Tommy Robinson	2
\.


--
-- Data for Name: articles; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.articles (id, title, published, url, outlet, byline, body, source, content_hash, status, indexed_at, ingest_run) FROM stdin;
000_64827e77e69f5206	Tech billionaire Elon Musk has pledged to help fund legal actions connected to grooming gangs…	\N	\N	\N	\N	Tech billionaire Elon Musk has pledged to help fund legal actions connected to grooming gangs after an investigation identified at least 85 local authorities where child sexual exploitation has taken place.\n\nWriting on his social media platform X, Musk said: "I would like to help fund legal actions against corrupt officials who aided and abetted the rape of Britain, per the official government inquiry. Please reply below for consideration."\n\nHis comment was in response to a post by Rupert Lowe MP, chair of the Rape Gang Inquiry, who announced the latest findings on Tuesday.\n\nLowe claimed the investigation had uncovered evidence of widespread abuse and official failings, calling it "one of the most comprehensive exposés of the rape gang scandal to date."\n\nThe Rape Gang Inquiry, launched to examine patterns of group-based child sexual exploitation, has drawn on thousands of Freedom of Information requests, testimonies from survivors and families, and evidence from whistleblowers.\n\nAccording to its most recent update, cases have been recorded across the UK, from Aberdeen to Plymouth, with some instances dating back to the 1960s.\n\nThe inquiry's interim findings suggest that exploitation was often perpetrated by organised groups, with patterns of abuse linked to failings by local authorities and law enforcement agencies.\n\nSurvivors have long argued that their cases were ignored or mishandled by officials, with accusations of negligence and, in some instances, deliberate cover-ups.\n\nMr Lowe said the inquiry will begin public hearings later this year, allowing survivors to give evidence directly and enabling experts to shape policy recommendations.\n\nHe also criticised what he described as government inaction, claiming that despite pledges of nationwide action, progress had been limited.\n\nChild sexual exploitation scandals in towns such as Rotherham, Rochdale, and Telford have already led to a number of high-profile convictions in recent years.\n\nIndependent reviews into those cases found that victims were frequently dismissed or disbelieved, and that authorities were slow to intervene.\n\nThe inquiry has stated that safeguarding victims remains its central priority. It has pledged to write to all affected local authorities demanding transparency and cooperation as the investigation continues.	/tmp/v1/seeds/000_64827e77e69f5206.txt	ad5c2269835491259b84c3b59e7ee6f008648d8302c8bd57375d1d1d90faac0d	active	2026-12-06 03:36:12.883387+00	1
001_697315708f00d6c2	Billionaire Elon Musk has said he will fund legal action against "corrupt officials" who he claims…	\N	\N	\N	\N	Billionaire Elon Musk has said he will fund legal action against "corrupt officials" who he claims covered up grooming gangs.\n\nMusk, CEO of X, urged people to get in touch with him via the social media platform in response to MP Rupert Lowe revealing that his inquiry into grooming gangs had found that "85 local authorities" had historic or current gang-based child sexual exploitation. He wrote: "I would like to help fund legal actions against corrupt officials who aided and abetted the rape of Britain, per the official government inquiry." The tweet currently has more than 9,000 responses and has been viewed more than 9 million times.\n\nHe added in a later tweet: "Start by condemning the grovelers and collaborators in positions of authority in Britain who aided the rape epidemic of their own people or turned a blind eye to their responsibilities. "Both civil and criminal prosecutions" Mr Lowe said that hundreds of survivors, family members and whistleblowers have approached the inquiry since it launched, and "thousands" of Freedom of Information requests were also submitted as part of the research. His statement added that "patterns of predominantly Pakistani men, combined with gross negligence from public bodies, are identifiable". Further details of the methodology and findings were not included in the release.\n\nAreas such as Aberdeen City, Brent, Canterbury, Leicester, Norwich were on a full list posted by the Rape Gang Inquiry on X, which added “there will be more” outside of its research. The inquiry, registered as a community interest company, also said some of the cases go back as far as the 1960s. Musk has displayed a keen interest in British politics since last year's riots in the aftermath of the Southport murders, where he was critical of mass migration and predicted a civil war in the UK. Since then, he has continued to weigh in on the debate. In January, Musk tweeted that Safeguarding minister Jess Phillips should be in prison and called her a "rape genocide apologist." He has also tweeted in recent weeks about the protests at migrant hotels, shared the St George's Cross in response to Operation Raise the Colours, and has shown support for Advance UK, the new political party led by former Reform UK co-deputy chairman Ben Habib. He has also taken a swipe at Nigel Farage, calling him "weak sauce" and saying that he "will do almost nothing to protect Britain."	/tmp/v1/seeds/001_697315708f00d6c2.txt	61e1a4015372e222ef289c69d79295229a986c232a3059f07ba8570ddb5fa843	active	2026-12-06 03:36:12.903918+00	1
002_12aa61651dfc3fe3	A senior British politician has rejected Elon Musk’s criticism of the government’s handling of…	2025-01-03	\N	\N	\N	A senior British politician has rejected Elon Musk’s criticism of the government’s handling of historic child grooming scandals.\n\nThe US technology billionaire on Thursday accused Prime Minister Keir Starmer of failing to bring “rape gangs” to justice when he was director of public prosecutions more than a decade ago.\n\nIn a flurry of posts on X, the social media platform he owns, Musk also suggested that safeguarding minister Jess Phillips “deserves to be in prison” for refusing a request for a national public inquiry into the Oldham scandal.\n\nOn Friday, British Health Secretary Wes Streeting said Musk’s views were “misjudged and certainly misinformed”. He urged Musk, a close confidant of US President-elect Donald Trump, to work with the government on tackling the issue of child sexual exploitation.\n\n“So if he wants to work with us and roll his sleeves up, we’d welcome that,” he added.\n\nThe widespread abuse of girls, which emerged more than a decade ago in several English towns and cities, including Rochdale, Rotherham and Oldham, has long stirred controversy.\n\nA 2022 report into safeguarding measures in Oldham between 2011 and 2014 found that children were failed by local agencies, but that there was no cover-up despite “legitimate concerns” that the far right would capitalise on “the high-profile convictions of predominantly Pakistani offenders across the country”.\n\nStreeting told ITV News that the government took child sexual exploitation “incredibly seriously” and that it was supportive of an inquiry into the Oldham scandal, but that it should be led locally.\n\nMusk appears to be taking a keen interest in the United Kingdom’s political scene since the left-of-centre Labour Party won a landslide election victory in July 2024, bringing an end to 14 years of Conservative rule.\n\nHe has retweeted criticism of Starmer and the hashtag TwoTierKeir – shorthand for an unsubstantiated claim that the UK has “two-tier policing”, with far-right protesters treated more harshly than pro-Palestinian or Black Lives Matter demonstrators.\n\nMusk has also compared British attempts to weed out online misinformation to the Soviet Union, while during summer anti-immigrant violence across the UK, he tweeted that “civil war is inevitable”.\n\nOn Friday, he also backed calls for a UK general election, barely six months after the last one. “The people of Britain do not want this government at all. New elections,” he wrote on his X platform.\n\nMusk also recently expressed his support for Stephen Yaxley-Lennon, the founder of the far-right English Defence League, who is better known as Tommy Robinson and who is serving an 18-month jail term for contempt of court.	/tmp/v1/seeds/002_12aa61651dfc3fe3.txt	6ae6a38c9d7af7def8d99c23b560ce5bc2be2848a6728eba5ee7b24cbc88b008	active	2026-12-06 03:36:12.916597+00	1
003_f471cb85c2e29c6f	Elon Musk, the US billionaire, has ignited a controversy in the UK by criticizing the government's…	\N	\N	\N	\N	Elon Musk, the US billionaire, has ignited a controversy in the UK by criticizing the government's handling of the grooming gangs scandal. Musk, a supporter of former US president Donald Trump, has accused Prime Minister Keir Starmer and safeguarding minister Jess Phillips of failing to address the issue adequately.\n\nMusk's criticism intensified after Phillips' refusal to grant the Home Office permission to launch a national inquiry into child sexual exploitation and grooming in Oldham. He suggested on social media that Phillips "deserves to be in prison" and blamed Starmer's tenure as Director of Public Prosecutions for the alleged failures in addressing the crimes.\n\nStarmer, in response, distanced himself from Musk's accusations, calling the spread of misinformation a disservice to victims. Other prominent figures, including Tory leader Kemi Badenoch, have also called for a thorough investigation.\n\nThe government has defended its position, emphasizing existing inquiries and local authorities' roles in addressing such issues. Health Secretary Wes Streeting, while acknowledging the seriousness of the matter, dismissed Musk's accusations as misguided. The Home Secretary, Yvette Cooper, has similarly defended her decision not to initiate a national inquiry.\n\nDespite government resistance to a national inquiry, pressure persists. Musk's broadsides on social media platform X, and demands from Tory politicians, have fueled the call for a more comprehensive review of the issue.\n\nExisting investigations, including a 2022 inquiry led by Professor Alexis Jay, have examined similar incidents across the UK. These investigations explored abuse by organized groups across several regions. However, Professor Jay expressed frustration with the lack of implementation of the inquiry's recommendations.\n\nThe government maintains that while supportive of localized inquiries, a national one isn't necessary. The Home Secretary and other ministers maintain the government's commitment to implementing Professor Jay's recommendations and continue to support efforts by local authorities to address specific cases like the Oldham scandal.	/tmp/v1/seeds/003_f471cb85c2e29c6f.txt	572a0532d8e1390309824bbd845a74aa21c36da590e75993e3483b0edcdb60f1	active	2026-12-06 03:36:12.927947+00	1
004_882fe7566cc0b4da	Elon Musk hails 'integrity' of first Labour MP to break ranks with Keir Starmer over grooming gangs inquiry stance	2025-01-12T13:30:00	\N	\N	\N	Elon Musk hails 'integrity' of first Labour MP to break ranks with Keir Starmer over grooming gangs inquiry stance\n\nUS-based tech tycoon Elon Musk has heaped praise on the first Labour MP to break ranks with Sir Keir Starmer by calling for a national inquiry into Rotherham's child grooming gangs.\n\nDan Carden, representing Liverpool Walton, became the first Labour MP to call for the national inquiry earlier this week.\n\nHe told The Liverpool Echo: “The public compassion for the victims, thousands of young British working-class girls and children is real. The public call for justice must be heeded.\n\n“It is shocking that people in positions of power could have covered up and refused to act to avoid confronting racial or cultural issues or because victims were poor and working class.”\n\nThe MP later added that both Starmer and his safeguarding minister Jess Phillips have “strong records in this area” but added that the government “has failed to take the high ground.”\n\n“'We must question and challenge the orthodoxy of progressive liberal multiculturalism that led to authorities failing to act,” he said.\n\nMusk, the billionaire X CEO and Donald Trump ally who has repeatedly attacked Starmer and other Labour figures for refusing to launch an inquiry over the scandal, thanked Mr Carden for his remarks.\n\nHe wrote on X: “Thank you, @DanCardenMP! Integrity.”\n\nOther Labour figures, including Greater Manchester mayor Andy Burnham and Labour peer Baroness Harriet Harman, have also backed calls for a new probe into grooming gangs.\n\nMusk has previously argued that "rape gangs were allowed to exploit young girls without facing justice" during Sir Keir's tenure as director of public prosecutions.\n\nStarmer has defended his record of prosecuting child grooming gangs and said those "spreading misinformation are not interested in the victims", amid his row with Musk.\n\nHe also said "a line has been crossed" by the businessman when he described Home Office minister Jess Phillips as a "rape genocide apologist".\n\nSpeaking with LBC last week, Public Health minister Andrew Gwynne told Matthew Wright that "Elon Musk, as a US citizen, perhaps ought to focus on issues on the other side of the Atlantic..."\n\nMs Phillips said she recognised the "strength of feeling" for a Home Office-led inquiry, but the Government will not "intervene", in a letter to Oldham Council.\n\n"We've already had inquiries into Telford, into Rotherham... and the government is seriously considering the recommendations," Andrew Gwynne told LBC.\n\nLabelling grooming gangs a "very serious issue", he suggested Musk ought to stay out of UK politics, adding: "There comes a point [where] we don’t need more inquiries."\n\n"Had Elon Musk really paid attention to what’s been going on in this country, he might recognise that there have already been inquiries.\n\n"What we need is justice for the victims. And we need to make sure the criminal justice system follows up and makes sure that these atrocious things are never able to happen again."	/tmp/v1/seeds/004_882fe7566cc0b4da.txt	d4033352c85c25fab71d35272af01272e2153f3c3c615ac2362102b74f766d09	active	2026-12-06 03:36:12.940498+00	1
\.


--
-- Data for Name: digest_articles; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.digest_articles (article_id, digest_id) FROM stdin;
\.


--
-- Data for Name: digest_parts; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.digest_parts (digest_id, part, ts) FROM stdin;
\.


--
-- Data for Name: digests; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.digests (id, created_at, channel, status, parts, message_ts, sent_at, attempts, last_error) FROM stdin;
\.


--
-- Data for Name: ingest_problems; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.ingest_problems (id, run_id, path, reason) FROM stdin;
\.


--
-- Data for Name: ingest_runs; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.ingest_runs (id, started_at, finished_at, new, changed, unchanged, removed, skipped) FROM stdin;
1	2026-12-06 03:36:12.874856+00	2026-12-06 03:36:12.95144+00	5	0	0	0	0
\.


--
-- Data for Name: leases; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.leases (name, owner, heartbeat) FROM stdin;
\.


--
-- Data for Name: paragraphs; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.paragraphs (id, article_id, idx, start, "end", text) FROM stdin;
1	000_64827e77e69f5206	0	0	206	Tech billionaire Elon Musk has pledged to help fund legal actions connected to grooming gangs after an investigation identified at least 85 local authorities where child sexual exploitation has taken place.
2	000_64827e77e69f5206	1	208	444	Writing on his social media platform X, Musk said: "I would like to help fund legal actions against corrupt officials who aided and abetted the rape of Britain, per the official government inquiry. Please reply below for consideration."
3	000_64827e77e69f5206	2	446	580	His comment was in response to a post by Rupert Lowe MP, chair of the Rape Gang Inquiry, who announced the latest findings on Tuesday.
4	000_64827e77e69f5206	3	582	763	Lowe claimed the investigation had uncovered evidence of widespread abuse and official failings, calling it "one of the most comprehensive exposés of the rape gang scandal to date."
5	000_64827e77e69f5206	4	765	992	The Rape Gang Inquiry, launched to examine patterns of group-based child sexual exploitation, has drawn on thousands of Freedom of Information requests, testimonies from survivors and families, and evidence from whistleblowers.
6	000_64827e77e69f5206	5	994	1143	According to its most recent update, cases have been recorded across the UK, from Aberdeen to Plymouth, with some instances dating back to the 1960s.
7	000_64827e77e69f5206	6	1145	1337	The inquiry's interim findings suggest that exploitation was often perpetrated by organised groups, with patterns of abuse linked to failings by local authorities and law enforcement agencies.
8	000_64827e77e69f5206	7	1339	1500	Survivors have long argued that their cases were ignored or mishandled by officials, with accusations of negligence and, in some instances, deliberate cover-ups.
9	000_64827e77e69f5206	8	1502	1669	Mr Lowe said the inquiry will begin public hearings later this year, allowing survivors to give evidence directly and enabling experts to shape policy recommendations.
10	000_64827e77e69f5206	9	1671	1810	He also criticised what he described as government inaction, claiming that despite pledges of nationwide action, progress had been limited.
11	000_64827e77e69f5206	10	1812	1970	Child sexual exploitation scandals in towns such as Rotherham, Rochdale, and Telford have already led to a number of high-profile convictions in recent years.
12	000_64827e77e69f5206	11	1972	2114	Independent reviews into those cases found that victims were frequently dismissed or disbelieved, and that authorities were slow to intervene.
13	000_64827e77e69f5206	12	2116	2323	The inquiry has stated that safeguarding victims remains its central priority. It has pledged to write to all affected local authorities demanding transparency and cooperation as the investigation continues.
14	001_697315708f00d6c2	0	0	125	Billionaire Elon Musk has said he will fund legal action against "corrupt officials" who he claims covered up grooming gangs.
15	001_697315708f00d6c2	1	127	642	Musk, CEO of X, urged people to get in touch with him via the social media platform in response to MP Rupert Lowe revealing that his inquiry into grooming gangs had found that "85 local authorities" had historic or current gang-based child sexual exploitation. He wrote: "I would like to help fund legal actions against corrupt officials who aided and abetted the rape of Britain, per the official government inquiry." The tweet currently has more than 9,000 responses and has been viewed more than 9 million times.
16	001_697315708f00d6c2	2	644	1333	He added in a later tweet: "Start by condemning the grovelers and collaborators in positions of authority in Britain who aided the rape epidemic of their own people or turned a blind eye to their responsibilities. "Both civil and criminal prosecutions" Mr Lowe said that hundreds of survivors, family members and whistleblowers have approached the inquiry since it launched, and "thousands" of Freedom of Information requests were also submitted as part of the research. His statement added that "patterns of predominantly Pakistani men, combined with gross negligence from public bodies, are identifiable". Further details of the methodology and findings were not included in the release.
17	001_697315708f00d6c2	3	1335	2411	Areas such as Aberdeen City, Brent, Canterbury, Leicester, Norwich were on a full list posted by the Rape Gang Inquiry on X, which added “there will be more” outside of its research. The inquiry, registered as a community interest company, also said some of the cases go back as far as the 1960s. Musk has displayed a keen interest in British politics since last year's riots in the aftermath of the Southport murders, where he was critical of mass migration and predicted a civil war in the UK. Since then, he has continued to weigh in on the debate. In January, Musk tweeted that Safeguarding minister Jess Phillips should be in prison and called her a "rape genocide apologist." He has also tweeted in recent weeks about the protests at migrant hotels, shared the St George's Cross in response to Operation Raise the Colours, and has shown support for Advance UK, the new political party led by former Reform UK co-deputy chairman Ben Habib. He has also taken a swipe at Nigel Farage, calling him "weak sauce" and saying that he "will do almost nothing to protect Britain."
18	002_12aa61651dfc3fe3	0	0	128	A senior British politician has rejected Elon Musk’s criticism of the government’s handling of historic child grooming scandals.
19	002_12aa61651dfc3fe3	1	130	319	The US technology billionaire on Thursday accused Prime Minister Keir Starmer of failing to bring “rape gangs” to justice when he was director of public prosecutions more than a decade ago.
20	002_12aa61651dfc3fe3	2	321	548	In a flurry of posts on X, the social media platform he owns, Musk also suggested that safeguarding minister Jess Phillips “deserves to be in prison” for refusing a request for a national public inquiry into the Oldham scandal.
21	002_12aa61651dfc3fe3	3	550	810	On Friday, British Health Secretary Wes Streeting said Musk’s views were “misjudged and certainly misinformed”. He urged Musk, a close confidant of US President-elect Donald Trump, to work with the government on tackling the issue of child sexual exploitation.
22	002_12aa61651dfc3fe3	4	812	898	“So if he wants to work with us and roll his sleeves up, we’d welcome that,” he added.
23	002_12aa61651dfc3fe3	5	900	1076	The widespread abuse of girls, which emerged more than a decade ago in several English towns and cities, including Rochdale, Rotherham and Oldham, has long stirred controversy.
24	002_12aa61651dfc3fe3	6	1078	1389	A 2022 report into safeguarding measures in Oldham between 2011 and 2014 found that children were failed by local agencies, but that there was no cover-up despite “legitimate concerns” that the far right would capitalise on “the high-profile convictions of predominantly Pakistani offenders across the country”.
25	002_12aa61651dfc3fe3	7	1391	1589	Streeting told ITV News that the government took child sexual exploitation “incredibly seriously” and that it was supportive of an inquiry into the Oldham scandal, but that it should be led locally.
26	002_12aa61651dfc3fe3	8	1591	1807	Musk appears to be taking a keen interest in the United Kingdom’s political scene since the left-of-centre Labour Party won a landslide election victory in July 2024, bringing an end to 14 years of Conservative rule.
27	002_12aa61651dfc3fe3	9	1809	2057	He has retweeted criticism of Starmer and the hashtag TwoTierKeir – shorthand for an unsubstantiated claim that the UK has “two-tier policing”, with far-right protesters treated more harshly than pro-Palestinian or Black Lives Matter demonstrators.
28	002_12aa61651dfc3fe3	10	2059	2255	Musk has also compared British attempts to weed out online misinformation to the Soviet Union, while during summer anti-immigrant violence across the UK, he tweeted that “civil war is inevitable”.
29	002_12aa61651dfc3fe3	11	2257	2456	On Friday, he also backed calls for a UK general election, barely six months after the last one. “The people of Britain do not want this government at all. New elections,” he wrote on his X platform.
30	002_12aa61651dfc3fe3	12	2458	2680	Musk also recently expressed his support for Stephen Yaxley-Lennon, the founder of the far-right English Defence League, who is better known as Tommy Robinson and who is serving an 18-month jail term for contempt of court.
31	003_f471cb85c2e29c6f	0	0	317	Elon Musk, the US billionaire, has ignited a controversy in the UK by criticizing the government's handling of the grooming gangs scandal. Musk, a supporter of former US president Donald Trump, has accused Prime Minister Keir Starmer and safeguarding minister Jess Phillips of failing to address the issue adequately.
32	003_f471cb85c2e29c6f	1	319	675	Musk's criticism intensified after Phillips' refusal to grant the Home Office permission to launch a national inquiry into child sexual exploitation and grooming in Oldham. He suggested on social media that Phillips "deserves to be in prison" and blamed Starmer's tenure as Director of Public Prosecutions for the alleged failures in addressing the crimes.
33	003_f471cb85c2e29c6f	2	677	912	Starmer, in response, distanced himself from Musk's accusations, calling the spread of misinformation a disservice to victims. Other prominent figures, including Tory leader Kemi Badenoch, have also called for a thorough investigation.
34	003_f471cb85c2e29c6f	3	914	1275	The government has defended its position, emphasizing existing inquiries and local authorities' roles in addressing such issues. Health Secretary Wes Streeting, while acknowledging the seriousness of the matter, dismissed Musk's accusations as misguided. The Home Secretary, Yvette Cooper, has similarly defended her decision not to initiate a national inquiry.
35	003_f471cb85c2e29c6f	4	1277	1496	Despite government resistance to a national inquiry, pressure persists. Musk's broadsides on social media platform X, and demands from Tory politicians, have fueled the call for a more comprehensive review of the issue.
36	003_f471cb85c2e29c6f	5	1498	1814	Existing investigations, including a 2022 inquiry led by Professor Alexis Jay, have examined similar incidents across the UK. These investigations explored abuse by organized groups across several regions. However, Professor Jay expressed frustration with the lack of implementation of the inquiry's recommendations.
37	003_f471cb85c2e29c6f	6	1816	2146	The government maintains that while supportive of localized inquiries, a national one isn't necessary. The Home Secretary and other ministers maintain the government's commitment to implementing Professor Jay's recommendations and continue to support efforts by local authorities to address specific cases like the Oldham scandal.
38	004_882fe7566cc0b4da	0	0	114	Elon Musk hails 'integrity' of first Labour MP to break ranks with Keir Starmer over grooming gangs inquiry stance
39	004_882fe7566cc0b4da	1	116	297	US-based tech tycoon Elon Musk has heaped praise on the first Labour MP to break ranks with Sir Keir Starmer by calling for a national inquiry into Rotherham's child grooming gangs.
40	004_882fe7566cc0b4da	2	299	420	Dan Carden, representing Liverpool Walton, became the first Labour MP to call for the national inquiry earlier this week.
41	004_882fe7566cc0b4da	3	422	602	He told The Liverpool Echo: “The public compassion for the victims, thousands of young British working-class girls and children is real. The public call for justice must be heeded.
42	004_882fe7566cc0b4da	4	604	790	“It is shocking that people in positions of power could have covered up and refused to act to avoid confronting racial or cultural issues or because victims were poor and working class.”
43	004_882fe7566cc0b4da	5	792	975	The MP later added that both Starmer and his safeguarding minister Jess Phillips have “strong records in this area” but added that the government “has failed to take the high ground.”
44	004_882fe7566cc0b4da	6	977	1113	“'We must question and challenge the orthodoxy of progressive liberal multiculturalism that led to authorities failing to act,” he said.
45	004_882fe7566cc0b4da	7	1115	1312	Musk, the billionaire X CEO and Donald Trump ally who has repeatedly attacked Starmer and other Labour figures for refusing to launch an inquiry over the scandal, thanked Mr Carden for his remarks.
46	004_882fe7566cc0b4da	8	1314	1366	He wrote on X: “Thank you, @DanCardenMP! Integrity.”
47	004_882fe7566cc0b4da	9	1368	1538	Other Labour figures, including Greater Manchester mayor Andy Burnham and Labour peer Baroness Harriet Harman, have also backed calls for a new probe into grooming gangs.
48	004_882fe7566cc0b4da	10	1540	1704	Musk has previously argued that "rape gangs were allowed to exploit young girls without facing justice" during Sir Keir's tenure as director of public prosecutions.
49	004_882fe7566cc0b4da	11	1706	1874	Starmer has defended his record of prosecuting child grooming gangs and said those "spreading misinformation are not interested in the victims", amid his row with Musk.
50	004_882fe7566cc0b4da	12	1876	2018	He also said "a line has been crossed" by the businessman when he described Home Office minister Jess Phillips as a "rape genocide apologist".
51	004_882fe7566cc0b4da	13	2020	2210	Speaking with LBC last week, Public Health minister Andrew Gwynne told Matthew Wright that "Elon Musk, as a US citizen, perhaps ought to focus on issues on the other side of the Atlantic..."
52	004_882fe7566cc0b4da	14	2212	2372	Ms Phillips said she recognised the "strength of feeling" for a Home Office-led inquiry, but the Government will not "intervene", in a letter to Oldham Council.
53	004_882fe7566cc0b4da	15	2374	2524	"We've already had inquiries into Telford, into Rotherham... and the government is seriously considering the recommendations," Andrew Gwynne told LBC.
54	004_882fe7566cc0b4da	16	2526	2694	Labelling grooming gangs a "very serious issue", he suggested Musk ought to stay out of UK politics, adding: "There comes a point [where] we don’t need more inquiries."
55	004_882fe7566cc0b4da	17	2696	2832	"Had Elon Musk really paid attention to what’s been going on in this country, he might recognise that there have already been inquiries.
56	004_882fe7566cc0b4da	18	2834	3015	"What we need is justice for the victims. And we need to make sure the criminal justice system follows up and makes sure that these atrocious things are never able to happen again."
\.


--
-- Data for Name: quotebot_meta; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.quotebot_meta (key, value) FROM stdin;
schema	1
\.


--
-- Data for Name: quotes; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.quotes (id, article_id, n, text, norm, speaker_id, role, confidence, cue, kind, start, "end", paragraph, evidence, antecedent, run) FROM stdin;
1	000_64827e77e69f5206	1	I would like to help fund legal actions against corrupt officials who aided and abetted the rape of Britain, per the official government inquiry. Please reply below for consideration.	i would like to help fund legal actions against corrupt officials who aided and abetted the rape of britain per the official government inquiry please reply below for consideration	3	Tech billionaire	0.9	said	full	260	443	1	Writing on his social media platform X, Musk said: "I would like to help fund legal actions against corrupt officials who aided and abetted the rape of Britain, per the official government inquiry. Please reply below for consideration."	\N	0
2	000_64827e77e69f5206	2	one of the most comprehensive exposés of the rape gang scandal to date.	one of the most comprehensive exposés of the rape gang scandal to date	4	MP	0.9	calling	partial	691	762	3	Lowe claimed the investigation had uncovered evidence of widespread abuse and official failings, calling it "one of the most comprehensive exposés of the rape gang scandal to date."	\N	1
3	001_697315708f00d6c2	1	corrupt officials	corrupt officials	3	Billionaire	0.9	said	partial	66	83	0	Billionaire Elon Musk has said he will fund legal action against "corrupt officials" who he claims covered up grooming gangs.	\N	0
4	001_697315708f00d6c2	2	85 local authorities	85 local authorities	4	MP	0.9	revealing	partial	304	324	1	Musk, CEO of X, urged people to get in touch with him via the social media platform in response to MP Rupert Lowe revealing that his inquiry into grooming gangs had found that "85 local authorities" had historic or current gang-based child sexual exploitation.	\N	1
5	001_697315708f00d6c2	3	I would like to help fund legal actions against corrupt officials who aided and abetted the rape of Britain, per the official government inquiry.	i would like to help fund legal actions against corrupt officials who aided and abetted the rape of britain per the official government inquiry	3	Billionaire	0.8	wrote	full	399	544	1	He wrote: "I would like to help fund legal actions against corrupt officials who aided and abetted the rape of Britain, per the official government inquiry."	Musk, CEO of X, urged people to get in touch with him via the social media platform in response to MP Rupert Lowe revealing that his inquiry into grooming gangs had found that "85 local authorities" had historic or current gang-based child sexual exploitation.	2
6	001_697315708f00d6c2	4	Start by condemning the grovelers and collaborators in positions of authority in Britain who aided the rape epidemic of their own people or turned a blind eye to their responsibilities.	start by condemning the grovelers and collaborators in positions of authority in britain who aided the rape epidemic of their own people or turned a blind eye to their responsibilities	3	Billionaire	0.8	added	full	672	857	2	He added in a later tweet: "Start by condemning the grovelers and collaborators in positions of authority in Britain who aided the rape epidemic of their own people or turned a blind eye to their responsibilities. "Both civil and criminal prosecutions" Mr Lowe said that hundreds of survivors, family members and whistleblowers have approached the inquiry since it launched, and "thousands" of Freed…	Musk, CEO of X, urged people to get in touch with him via the social media platform in response to MP Rupert Lowe revealing that his inquiry into grooming gangs had found that "85 local authorities" had historic or current gang-based child sexual exploitation.	3
7	001_697315708f00d6c2	5	Both civil and criminal prosecutions	both civil and criminal prosecutions	3	Billionaire	0.8	added	full	859	895	2	He added in a later tweet: "Start by condemning the grovelers and collaborators in positions of authority in Britain who aided the rape epidemic of their own people or turned a blind eye to their responsibilities. "Both civil and criminal prosecutions" Mr Lowe said that hundreds of survivors, family members and whistleblowers have approached the inquiry since it launched, and "thousands" of Freed…	Musk, CEO of X, urged people to get in touch with him via the social media platform in response to MP Rupert Lowe revealing that his inquiry into grooming gangs had found that "85 local authorities" had historic or current gang-based child sexual exploitation.	4
8	001_697315708f00d6c2	6	thousands	thousands	4	MP	0.9	said	partial	1024	1033	2	He added in a later tweet: "Start by condemning the grovelers and collaborators in positions of authority in Britain who aided the rape epidemic of their own people or turned a blind eye to their responsibilities. "Both civil and criminal prosecutions" Mr Lowe said that hundreds of survivors, family members and whistleblowers have approached the inquiry since it launched, and "thousands" of Freed…	\N	5
9	001_697315708f00d6c2	7	patterns of predominantly Pakistani men, combined with gross negligence from public bodies, are identifiable	patterns of predominantly pakistani men combined with gross negligence from public bodies are identifiable	4	MP	0.8	added	partial	1141	1249	2	His statement added that "patterns of predominantly Pakistani men, combined with gross negligence from public bodies, are identifiable".	He added in a later tweet: "Start by condemning the grovelers and collaborators in positions of authority in Britain who aided the rape epidemic of their own people or turned a blind eye to their responsibilities. "Both civil and criminal prosecutions" Mr Lowe said that hundreds of survivors, family members and whistleblowers have approached the inquiry since it launched, and "thousands" of Freed…	6
10	001_697315708f00d6c2	8	there will be more	there will be more	5	\N	0.8	added	partial	1473	1491	3	Areas such as Aberdeen City, Brent, Canterbury, Leicester, Norwich were on a full list posted by the Rape Gang Inquiry on X, which added “there will be more” outside of its research.	\N	7
11	001_697315708f00d6c2	9	rape genocide apologist.	rape genocide apologist	3	Billionaire	0.9	called	partial	1991	2015	3	In January, Musk tweeted that Safeguarding minister Jess Phillips should be in prison and called her a "rape genocide apologist."	\N	8
12	001_697315708f00d6c2	10	weak sauce	weak sauce	3	Billionaire	0.8	calling	partial	2336	2346	3	He has also taken a swipe at Nigel Farage, calling him "weak sauce" and saying that he "will do almost nothing to protect Britain."	In January, Musk tweeted that Safeguarding minister Jess Phillips should be in prison and called her a "rape genocide apologist."	9
13	001_697315708f00d6c2	11	will do almost nothing to protect Britain.	will do almost nothing to protect britain	3	Billionaire	0.8	saying	partial	2368	2410	3	He has also taken a swipe at Nigel Farage, calling him "weak sauce" and saying that he "will do almost nothing to protect Britain."	In January, Musk tweeted that Safeguarding minister Jess Phillips should be in prison and called her a "rape genocide apologist."	10
14	002_12aa61651dfc3fe3	1	rape gangs	rape gangs	\N	\N	0	\N	partial	229	239	1	\N	\N	0
15	002_12aa61651dfc3fe3	2	deserves to be in prison	deserves to be in prison	3	\N	0.9	suggested	partial	445	469	2	In a flurry of posts on X, the social media platform he owns, Musk also suggested that safeguarding minister Jess Phillips “deserves to be in prison” for refusing a request for a national public inquiry into the Oldham scandal.	\N	1
16	002_12aa61651dfc3fe3	3	misjudged and certainly misinformed	misjudged and certainly misinformed	6	British Health Secretary	0.9	said	partial	624	659	3	On Friday, British Health Secretary Wes Streeting said Musk’s views were “misjudged and certainly misinformed”.	\N	2
17	002_12aa61651dfc3fe3	4	So if he wants to work with us and roll his sleeves up, we’d welcome that	so if he wants to work with us and roll his sleeves up we'd welcome that	6	British Health Secretary	0.85	added	full	813	886	4	“So if he wants to work with us and roll his sleeves up, we’d welcome that,” he added.	On Friday, British Health Secretary Wes Streeting said Musk’s views were “misjudged and certainly misinformed”.	3
18	002_12aa61651dfc3fe3	5	legitimate concerns	legitimate concerns	\N	\N	0	\N	partial	1242	1261	6	\N	\N	4
19	002_12aa61651dfc3fe3	6	the high-profile convictions of predominantly Pakistani offenders across the country	the high profile convictions of predominantly pakistani offenders across the country	\N	\N	0	\N	partial	1303	1387	6	\N	\N	5
20	002_12aa61651dfc3fe3	7	incredibly seriously	incredibly seriously	6	British Health Secretary	0.9	told	partial	1467	1487	7	Streeting told ITV News that the government took child sexual exploitation “incredibly seriously” and that it was supportive of an inquiry into the Oldham scandal, but that it should be led locally.	\N	6
21	002_12aa61651dfc3fe3	8	two-tier policing	two tier policing	\N	\N	0	\N	partial	1933	1950	9	\N	\N	7
22	002_12aa61651dfc3fe3	9	civil war is inevitable	civil war is inevitable	3	\N	0.8	tweeted	partial	2230	2253	10	Musk has also compared British attempts to weed out online misinformation to the Soviet Union, while during summer anti-immigrant violence across the UK, he tweeted that “civil war is inevitable”.	\N	8
23	002_12aa61651dfc3fe3	10	The people of Britain do not want this government at all. New elections	the people of britain do not want this government at all new elections	3	\N	0.85	wrote	full	2355	2426	11	“The people of Britain do not want this government at all. New elections,” he wrote on his X platform.	Musk has also compared British attempts to weed out online misinformation to the Soviet Union, while during summer anti-immigrant violence across the UK, he tweeted that “civil war is inevitable”.	9
24	003_f471cb85c2e29c6f	1	deserves to be in prison	deserves to be in prison	3	US billionaire	0.8	suggested	partial	536	560	1	He suggested on social media that Phillips "deserves to be in prison" and blamed Starmer's tenure as Director of Public Prosecutions for the alleged failures in addressing the crimes.	Musk's criticism intensified after Phillips' refusal to grant the Home Office permission to launch a national inquiry into child sexual exploitation and grooming in Oldham.	0
25	004_882fe7566cc0b4da	1	integrity	integrity	3	US-based tech tycoon	0.9	hails	partial	17	26	0	Elon Musk hails 'integrity' of first Labour MP to break ranks with Keir Starmer over grooming gangs inquiry stance	\N	0
26	004_882fe7566cc0b4da	2	The public compassion for the victims, thousands of young British working-class girls and children is real. The public call for justice must be heeded.	the public compassion for the victims thousands of young british working class girls and children is real the public call for justice must be heeded	8	first Labour MP	0.8	told	full	451	602	3	He told The Liverpool Echo: “The public compassion for the victims, thousands of young British working-class girls and children is real. The public call for justice must be heeded.	Dan Carden, representing Liverpool Walton, became the first Labour MP to call for the national inquiry earlier this week.	1
27	004_882fe7566cc0b4da	3	It is shocking that people in positions of power could have covered up and refused to act to avoid confronting racial or cultural issues or because victims were poor and working class.	it is shocking that people in positions of power could have covered up and refused to act to avoid confronting racial or cultural issues or because victims were poor and working class	8	first Labour MP	0.8	told	full	605	789	4	He told The Liverpool Echo: “The public compassion for the victims, thousands of young British working-class girls and children is real. The public call for justice must be heeded.	Dan Carden, representing Liverpool Walton, became the first Labour MP to call for the national inquiry earlier this week.	1
28	004_882fe7566cc0b4da	4	strong records in this area	strong records in this area	8	first Labour MP	0.7	added	partial	879	906	5	The MP later added that both Starmer and his safeguarding minister Jess Phillips have “strong records in this area” but added that the government “has failed to take the high ground.”	Dan Carden, representing Liverpool Walton, became the first Labour MP to call for the national inquiry earlier this week.	2
29	004_882fe7566cc0b4da	5	has failed to take the high ground.	has failed to take the high ground	8	first Labour MP	0.7	added	partial	939	974	5	The MP later added that both Starmer and his safeguarding minister Jess Phillips have “strong records in this area” but added that the government “has failed to take the high ground.”	Dan Carden, representing Liverpool Walton, became the first Labour MP to call for the national inquiry earlier this week.	3
30	004_882fe7566cc0b4da	6	We must question and challenge the orthodoxy of progressive liberal multiculturalism that led to authorities failing to act	we must question and challenge the orthodoxy of progressive liberal multiculturalism that led to authorities failing to act	8	first Labour MP	0.85	said	full	979	1102	6	“'We must question and challenge the orthodoxy of progressive liberal multiculturalism that led to authorities failing to act,” he said.	Dan Carden, representing Liverpool Walton, became the first Labour MP to call for the national inquiry earlier this week.	4
31	004_882fe7566cc0b4da	7	Thank you, @DanCardenMP! Integrity.	thank you dancardenmp integrity	3	US-based tech tycoon	0.8	wrote	full	1330	1365	8	He wrote on X: “Thank you, @DanCardenMP! Integrity.”	Musk, the billionaire X CEO and Donald Trump ally who has repeatedly attacked Starmer and other Labour figures for refusing to launch an inquiry over the scandal, thanked Mr Carden for his remarks.	5
32	004_882fe7566cc0b4da	8	rape gangs were allowed to exploit young girls without facing justice	rape gangs were allowed to exploit young girls without facing justice	3	US-based tech tycoon	0.9	argued	partial	1573	1642	10	Musk has previously argued that "rape gangs were allowed to exploit young girls without facing justice" during Sir Keir's tenure as director of public prosecutions.	\N	6
33	004_882fe7566cc0b4da	9	spreading misinformation are not interested in the victims	spreading misinformation are not interested in the victims	1	\N	0.9	said	partial	1790	1848	11	Starmer has defended his record of prosecuting child grooming gangs and said those "spreading misinformation are not interested in the victims", amid his row with Musk.	\N	7
34	004_882fe7566cc0b4da	10	a line has been crossed	a line has been crossed	1	\N	0.8	said	partial	1890	1913	12	He also said "a line has been crossed" by the businessman when he described Home Office minister Jess Phillips as a "rape genocide apologist".	Starmer has defended his record of prosecuting child grooming gangs and said those "spreading misinformation are not interested in the victims", amid his row with Musk.	8
35	004_882fe7566cc0b4da	11	rape genocide apologist	rape genocide apologist	3	US-based tech tycoon	0.8	described	partial	1993	2016	12	He also said "a line has been crossed" by the businessman when he described Home Office minister Jess Phillips as a "rape genocide apologist".	Starmer has defended his record of prosecuting child grooming gangs and said those "spreading misinformation are not interested in the victims", amid his row with Musk.	9
36	004_882fe7566cc0b4da	12	Elon Musk, as a US citizen, perhaps ought to focus on issues on the other side of the Atlantic...	elon musk as a us citizen perhaps ought to focus on issues on the other side of the atlantic	9	Public Health minister	0.9	told	full	2112	2209	13	Speaking with LBC last week, Public Health minister Andrew Gwynne told Matthew Wright that "Elon Musk, as a US citizen, perhaps ought to focus on issues on the other side of the Atlantic..."	\N	10
37	004_882fe7566cc0b4da	13	strength of feeling	strength of feeling	10	safeguarding minister	0.9	said	partial	2249	2268	14	Ms Phillips said she recognised the "strength of feeling" for a Home Office-led inquiry, but the Government will not "intervene", in a letter to Oldham Council.	\N	11
38	004_882fe7566cc0b4da	14	intervene	intervene	10	safeguarding minister	0.9	said	partial	2330	2339	14	Ms Phillips said she recognised the "strength of feeling" for a Home Office-led inquiry, but the Government will not "intervene", in a letter to Oldham Council.	\N	12
39	004_882fe7566cc0b4da	15	We've already had inquiries into Telford, into Rotherham... and the government is seriously considering the recommendations	we've already had inquiries into telford into rotherham and the government is seriously considering the recommendations	9	Public Health minister	0.95	told	full	2375	2498	15	"We've already had inquiries into Telford, into Rotherham... and the government is seriously considering the recommendations," Andrew Gwynne told LBC.	\N	13
40	004_882fe7566cc0b4da	16	very serious issue	very serious issue	9	Public Health minister	0.85	suggested	partial	2554	2572	16	Labelling grooming gangs a "very serious issue", he suggested Musk ought to stay out of UK politics, adding: "There comes a point [where] we don’t need more inquiries."	"We've already had inquiries into Telford, into Rotherham... and the government is seriously considering the recommendations," Andrew Gwynne told LBC.	14
41	004_882fe7566cc0b4da	17	There comes a point [where] we don’t need more inquiries.	there comes a point where we don't need more inquiries	9	Public Health minister	0.8	adding	full	2636	2693	16	Labelling grooming gangs a "very serious issue", he suggested Musk ought to stay out of UK politics, adding: "There comes a point [where] we don’t need more inquiries."	"We've already had inquiries into Telford, into Rotherham... and the government is seriously considering the recommendations," Andrew Gwynne told LBC.	15
42	004_882fe7566cc0b4da	18	Had Elon Musk really paid attention to what’s been going on in this country, he might recognise that there have already been inquiries.	had elon musk really paid attention to what's been going on in this country he might recognise that there have already been inquiries	9	Public Health minister	0.68	adding	full	2697	2832	17	Labelling grooming gangs a "very serious issue", he suggested Musk ought to stay out of UK politics, adding: "There comes a point [where] we don’t need more inquiries."	"We've already had inquiries into Telford, into Rotherham... and the government is seriously considering the recommendations," Andrew Gwynne told LBC.	16
43	004_882fe7566cc0b4da	19	What we need is justice for the victims. And we need to make sure the criminal justice system follows up and makes sure that these atrocious things are never able to happen again.	what we need is justice for the victims and we need to make sure the criminal justice system follows up and makes sure that these atrocious things are never able to happen again	9	Public Health minister	0.68	adding	full	2835	3014	18	Labelling grooming gangs a "very serious issue", he suggested Musk ought to stay out of UK politics, adding: "There comes a point [where] we don’t need more inquiries."	"We've already had inquiries into Telford, into Rotherham... and the government is seriously considering the recommendations," Andrew Gwynne told LBC.	16
\.


--
-- Data for Name: reports; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.reports (id, article_id, n, text, norm, speaker_id, cue, start, "end", paragraph) FROM stdin;
1	000_64827e77e69f5206	1	Tech billionaire Elon Musk has pledged to help fund legal actions connected to grooming gangs after an investigation identified at least 85 local authorities where child sexual exploitation has taken place.	tech billionaire elon musk has pledged to help fund legal actions connected to grooming gangs after an investigation identified at least 85 local authorities where child sexual exploitation has taken place	3	pledged	0	206	0
2	000_64827e77e69f5206	2	Writing on his social media platform X, Musk said: "I would like to help fund legal actions against corrupt officials who aided and abetted the rape of Britain, per the official government inquiry. Please reply below for consideration."	writing on his social media platform x musk said i would like to help fund legal actions against corrupt officials who aided and abetted the rape of britain per the official government inquiry please reply below for consideration	3	said	208	444	1
3	000_64827e77e69f5206	3	His comment was in response to a post by Rupert Lowe MP, chair of the Rape Gang Inquiry, who announced the latest findings on Tuesday.	his comment was in response to a post by rupert lowe mp chair of the rape gang inquiry who announced the latest findings on tuesday	5	announced	446	580	2
4	000_64827e77e69f5206	4	Lowe claimed the investigation had uncovered evidence of widespread abuse and official failings, calling it "one of the most comprehensive exposés of the rape gang scandal to date."	lowe claimed the investigation had uncovered evidence of widespread abuse and official failings calling it one of the most comprehensive exposés of the rape gang scandal to date	4	calling	582	763	3
5	000_64827e77e69f5206	5	Mr Lowe said the inquiry will begin public hearings later this year, allowing survivors to give evidence directly and enabling experts to shape policy recommendations.	mr lowe said the inquiry will begin public hearings later this year allowing survivors to give evidence directly and enabling experts to shape policy recommendations	4	said	1502	1669	8
6	000_64827e77e69f5206	6	He also criticised what he described as government inaction, claiming that despite pledges of nationwide action, progress had been limited.	he also criticised what he described as government inaction claiming that despite pledges of nationwide action progress had been limited	4	claiming	1671	1810	9
7	000_64827e77e69f5206	7	The inquiry has stated that safeguarding victims remains its central priority.	the inquiry has stated that safeguarding victims remains its central priority	5	stated	2116	2194	12
8	001_697315708f00d6c2	1	Billionaire Elon Musk has said he will fund legal action against "corrupt officials" who he claims covered up grooming gangs.	billionaire elon musk has said he will fund legal action against corrupt officials who he claims covered up grooming gangs	3	claims	0	125	0
9	001_697315708f00d6c2	2	Musk, CEO of X, urged people to get in touch with him via the social media platform in response to MP Rupert Lowe revealing that his inquiry into grooming gangs had found that "85 local authorities" had historic or current gang-based child sexual exploitation.	musk ceo of x urged people to get in touch with him via the social media platform in response to mp rupert lowe revealing that his inquiry into grooming gangs had found that 85 local authorities had historic or current gang based child sexual exploitation	4	revealing	127	387	1
10	001_697315708f00d6c2	3	He wrote: "I would like to help fund legal actions against corrupt officials who aided and abetted the rape of Britain, per the official government inquiry."	he wrote i would like to help fund legal actions against corrupt officials who aided and abetted the rape of britain per the official government inquiry	3	wrote	387	545	1
11	001_697315708f00d6c2	4	He added in a later tweet: "Start by condemning the grovelers and collaborators in positions of authority in Britain who aided the rape epidemic of their own people or turned a blind eye to their responsibilities. "Both civil and criminal prosecutions" Mr Lowe said that hundreds of survivors, family members and whistleblowers have approached the inquiry since it launched, and "thousands" of Freedom of Information requests were also submitted as part of the research.	he added in a later tweet start by condemning the grovelers and collaborators in positions of authority in britain who aided the rape epidemic of their own people or turned a blind eye to their responsibilities both civil and criminal prosecutions mr lowe said that hundreds of survivors family members and whistleblowers have approached the inquiry since it launched and thousands of freedom of information requests were also submitted as part of the research	4	said	644	1114	2
12	001_697315708f00d6c2	5	His statement added that "patterns of predominantly Pakistani men, combined with gross negligence from public bodies, are identifiable".	his statement added that patterns of predominantly pakistani men combined with gross negligence from public bodies are identifiable	4	added	1114	1251	2
13	001_697315708f00d6c2	6	Areas such as Aberdeen City, Brent, Canterbury, Leicester, Norwich were on a full list posted by the Rape Gang Inquiry on X, which added “there will be more” outside of its research.	areas such as aberdeen city brent canterbury leicester norwich were on a full list posted by the rape gang inquiry on x which added there will be more outside of its research	5	added	1335	1517	3
14	001_697315708f00d6c2	7	The inquiry, registered as a community interest company, also said some of the cases go back as far as the 1960s.	the inquiry registered as a community interest company also said some of the cases go back as far as the 1960s	5	said	1517	1631	3
15	001_697315708f00d6c2	8	Musk has displayed a keen interest in British politics since last year's riots in the aftermath of the Southport murders, where he was critical of mass migration and predicted a civil war in the UK.	musk has displayed a keen interest in british politics since last year's riots in the aftermath of the southport murders where he was critical of mass migration and predicted a civil war in the uk	3	predicted	1631	1830	3
16	001_697315708f00d6c2	9	Since then, he has continued to weigh in on the debate.	since then he has continued to weigh in on the debate	3	continued	1830	1886	3
17	001_697315708f00d6c2	10	In January, Musk tweeted that Safeguarding minister Jess Phillips should be in prison and called her a "rape genocide apologist."	in january musk tweeted that safeguarding minister jess phillips should be in prison and called her a rape genocide apologist	3	called	1886	2016	3
18	001_697315708f00d6c2	11	He has also tweeted in recent weeks about the protests at migrant hotels, shared the St George's Cross in response to Operation Raise the Colours, and has shown support for Advance UK, the new political party led by former Reform UK co-deputy chairman Ben Habib.	he has also tweeted in recent weeks about the protests at migrant hotels shared the st george's cross in response to operation raise the colours and has shown support for advance uk the new political party led by former reform uk co deputy chairman ben habib	3	tweeted	2016	2279	3
19	001_697315708f00d6c2	12	He has also taken a swipe at Nigel Farage, calling him "weak sauce" and saying that he "will do almost nothing to protect Britain."	he has also taken a swipe at nigel farage calling him weak sauce and saying that he will do almost nothing to protect britain	3	saying	2279	2411	3
20	002_12aa61651dfc3fe3	1	In a flurry of posts on X, the social media platform he owns, Musk also suggested that safeguarding minister Jess Phillips “deserves to be in prison” for refusing a request for a national public inquiry into the Oldham scandal.	in a flurry of posts on x the social media platform he owns musk also suggested that safeguarding minister jess phillips deserves to be in prison for refusing a request for a national public inquiry into the oldham scandal	3	suggested	321	548	2
21	002_12aa61651dfc3fe3	2	On Friday, British Health Secretary Wes Streeting said Musk’s views were “misjudged and certainly misinformed”.	on friday british health secretary wes streeting said musk's views were misjudged and certainly misinformed	6	said	550	661	3
22	002_12aa61651dfc3fe3	3	He urged Musk, a close confidant of US President-elect Donald Trump, to work with the government on tackling the issue of child sexual exploitation.	he urged musk a close confidant of us president elect donald trump to work with the government on tackling the issue of child sexual exploitation	6	urged	661	810	3
23	002_12aa61651dfc3fe3	4	“So if he wants to work with us and roll his sleeves up, we’d welcome that,” he added.	so if he wants to work with us and roll his sleeves up we'd welcome that he added	6	added	812	898	4
24	002_12aa61651dfc3fe3	5	Streeting told ITV News that the government took child sexual exploitation “incredibly seriously” and that it was supportive of an inquiry into the Oldham scandal, but that it should be led locally.	streeting told itv news that the government took child sexual exploitation incredibly seriously and that it was supportive of an inquiry into the oldham scandal but that it should be led locally	6	told	1391	1589	7
25	002_12aa61651dfc3fe3	6	Musk has also compared British attempts to weed out online misinformation to the Soviet Union, while during summer anti-immigrant violence across the UK, he tweeted that “civil war is inevitable”.	musk has also compared british attempts to weed out online misinformation to the soviet union while during summer anti immigrant violence across the uk he tweeted that civil war is inevitable	3	tweeted	2059	2255	10
26	002_12aa61651dfc3fe3	7	“The people of Britain do not want this government at all. New elections,” he wrote on his X platform.	the people of britain do not want this government at all new elections he wrote on his x platform	3	wrote	2353	2456	11
27	003_f471cb85c2e29c6f	1	Musk, a supporter of former US president Donald Trump, has accused Prime Minister Keir Starmer and safeguarding minister Jess Phillips of failing to address the issue adequately.	musk a supporter of former us president donald trump has accused prime minister keir starmer and safeguarding minister jess phillips of failing to address the issue adequately	3	accused	138	317	0
28	003_f471cb85c2e29c6f	2	He suggested on social media that Phillips "deserves to be in prison" and blamed Starmer's tenure as Director of Public Prosecutions for the alleged failures in addressing the crimes.	he suggested on social media that phillips deserves to be in prison and blamed starmer's tenure as director of public prosecutions for the alleged failures in addressing the crimes	3	suggested	491	675	1
29	003_f471cb85c2e29c6f	3	Starmer, in response, distanced himself from Musk's accusations, calling the spread of misinformation a disservice to victims.	starmer in response distanced himself from musk's accusations calling the spread of misinformation a disservice to victims	1	calling	677	803	2
30	003_f471cb85c2e29c6f	4	Health Secretary Wes Streeting, while acknowledging the seriousness of the matter, dismissed Musk's accusations as misguided.	health secretary wes streeting while acknowledging the seriousness of the matter dismissed musk's accusations as misguided	6	dismissed	1042	1168	3
31	003_f471cb85c2e29c6f	5	Musk's broadsides on social media platform X, and demands from Tory politicians, have fueled the call for a more comprehensive review of the issue.	musk's broadsides on social media platform x and demands from tory politicians have fueled the call for a more comprehensive review of the issue	3	demands	1348	1496	4
32	004_882fe7566cc0b4da	1	Elon Musk hails 'integrity' of first Labour MP to break ranks with Keir Starmer over grooming gangs inquiry stance	elon musk hails integrity of first labour mp to break ranks with keir starmer over grooming gangs inquiry stance	3	hails	0	114	0
33	004_882fe7566cc0b4da	2	He told The Liverpool Echo: “The public compassion for the victims, thousands of young British working-class girls and children is real. The public call for justice must be heeded.	he told the liverpool echo the public compassion for the victims thousands of young british working class girls and children is real the public call for justice must be heeded	8	told	422	602	3
34	004_882fe7566cc0b4da	3	The MP later added that both Starmer and his safeguarding minister Jess Phillips have “strong records in this area” but added that the government “has failed to take the high ground.”	the mp later added that both starmer and his safeguarding minister jess phillips have strong records in this area but added that the government has failed to take the high ground	8	added	792	975	5
35	004_882fe7566cc0b4da	4	“'We must question and challenge the orthodoxy of progressive liberal multiculturalism that led to authorities failing to act,” he said.	we must question and challenge the orthodoxy of progressive liberal multiculturalism that led to authorities failing to act he said	8	said	977	1113	6
36	004_882fe7566cc0b4da	5	Musk, the billionaire X CEO and Donald Trump ally who has repeatedly attacked Starmer and other Labour figures for refusing to launch an inquiry over the scandal, thanked Mr Carden for his remarks.	musk the billionaire x ceo and donald trump ally who has repeatedly attacked starmer and other labour figures for refusing to launch an inquiry over the scandal thanked mr carden for his remarks	3	thanked	1115	1312	7
37	004_882fe7566cc0b4da	6	He wrote on X: “Thank you, @DanCardenMP! Integrity.”	he wrote on x thank you dancardenmp integrity	3	wrote	1314	1366	8
38	004_882fe7566cc0b4da	7	Musk has previously argued that "rape gangs were allowed to exploit young girls without facing justice" during Sir Keir's tenure as director of public prosecutions.	musk has previously argued that rape gangs were allowed to exploit young girls without facing justice during sir keir's tenure as director of public prosecutions	3	argued	1540	1704	10
39	004_882fe7566cc0b4da	8	Starmer has defended his record of prosecuting child grooming gangs and said those "spreading misinformation are not interested in the victims", amid his row with Musk.	starmer has defended his record of prosecuting child grooming gangs and said those spreading misinformation are not interested in the victims amid his row with musk	1	said	1706	1874	11
40	004_882fe7566cc0b4da	9	He also said "a line has been crossed" by the businessman when he described Home Office minister Jess Phillips as a "rape genocide apologist".	he also said a line has been crossed by the businessman when he described home office minister jess phillips as a rape genocide apologist	3	described	1876	2018	12
41	004_882fe7566cc0b4da	10	Speaking with LBC last week, Public Health minister Andrew Gwynne told Matthew Wright that "Elon Musk, as a US citizen, perhaps ought to focus on issues on the other side of the Atlantic..."	speaking with lbc last week public health minister andrew gwynne told matthew wright that elon musk as a us citizen perhaps ought to focus on issues on the other side of the atlantic	9	told	2020	2210	13
42	004_882fe7566cc0b4da	11	Ms Phillips said she recognised the "strength of feeling" for a Home Office-led inquiry, but the Government will not "intervene", in a letter to Oldham Council.	ms phillips said she recognised the strength of feeling for a home office led inquiry but the government will not intervene in a letter to oldham council	10	said	2212	2372	14
43	004_882fe7566cc0b4da	12	"We've already had inquiries into Telford, into Rotherham... and the government is seriously considering the recommendations," Andrew Gwynne told LBC.	we've already had inquiries into telford into rotherham and the government is seriously considering the recommendations andrew gwynne told lbc	9	told	2374	2524	15
44	004_882fe7566cc0b4da	13	Labelling grooming gangs a "very serious issue", he suggested Musk ought to stay out of UK politics, adding: "There comes a point [where] we don’t need more inquiries."	labelling grooming gangs a very serious issue he suggested musk ought to stay out of uk politics adding there comes a point where we don't need more inquiries	9	adding	2526	2694	16
\.


--
-- Data for Name: speakers; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.speakers (id, name) FROM stdin;
1	Keir Starmer
2	Stephen Yaxley-Lennon
3	Elon Musk
4	Rupert Lowe
5	Rape Gang Inquiry
6	Wes Streeting
8	Dan Carden
9	Andrew Gwynne
10	Jess Phillips
\.


--
-- Name: digests_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.digests_id_seq', 1, false);


--
-- Name: ingest_problems_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.ingest_problems_id_seq', 1, false);


--
-- Name: ingest_runs_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.ingest_runs_id_seq', 1, true);


--
-- Name: paragraphs_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.paragraphs_id_seq', 56, true);


--
-- Name: quotes_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.quotes_id_seq', 43, true);


--
-- Name: reports_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.reports_id_seq', 44, true);


--
-- Name: speakers_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.speakers_id_seq', 10, true);


--
-- Name: aliases aliases_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.aliases
    ADD CONSTRAINT aliases_pkey PRIMARY KEY (alias);


--
-- Name: articles articles_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.articles
    ADD CONSTRAINT articles_pkey PRIMARY KEY (id);


--
-- Name: digest_articles digest_articles_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.digest_articles
    ADD CONSTRAINT digest_articles_pkey PRIMARY KEY (article_id);


--
-- Name: digest_parts digest_parts_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.digest_parts
    ADD CONSTRAINT digest_parts_pkey PRIMARY KEY (digest_id, part);


--
-- Name: digests digests_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.digests
    ADD CONSTRAINT digests_pkey PRIMARY KEY (id);


--
-- Name: ingest_problems ingest_problems_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.ingest_problems
    ADD CONSTRAINT ingest_problems_pkey PRIMARY KEY (id);


--
-- Name: ingest_runs ingest_runs_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.ingest_runs
    ADD CONSTRAINT ingest_runs_pkey PRIMARY KEY (id);


--
-- Name: leases leases_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.leases
    ADD CONSTRAINT leases_pkey PRIMARY KEY (name);


--
-- Name: paragraphs paragraphs_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.paragraphs
    ADD CONSTRAINT paragraphs_pkey PRIMARY KEY (id);


--
-- Name: quotebot_meta quotebot_meta_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.quotebot_meta
    ADD CONSTRAINT quotebot_meta_pkey PRIMARY KEY (key);


--
-- Name: quotes quotes_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.quotes
    ADD CONSTRAINT quotes_pkey PRIMARY KEY (id);


--
-- Name: reports reports_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.reports
    ADD CONSTRAINT reports_pkey PRIMARY KEY (id);


--
-- Name: speakers speakers_name_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.speakers
    ADD CONSTRAINT speakers_name_key UNIQUE (name);


--
-- Name: speakers speakers_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.speakers
    ADD CONSTRAINT speakers_pkey PRIMARY KEY (id);


--
-- Name: paragraphs uq_paragraphs_article_idx; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.paragraphs
    ADD CONSTRAINT uq_paragraphs_article_idx UNIQUE (article_id, idx);


--
-- Name: quotes uq_quotes_article_n; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.quotes
    ADD CONSTRAINT uq_quotes_article_n UNIQUE (article_id, n);


--
-- Name: reports uq_reports_article_n; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.reports
    ADD CONSTRAINT uq_reports_article_n UNIQUE (article_id, n);


--
-- Name: ix_articles_indexed_at; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_articles_indexed_at ON public.articles USING btree (indexed_at);


--
-- Name: ix_articles_source; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_articles_source ON public.articles USING btree (source);


--
-- Name: ix_paragraphs_trgm; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_paragraphs_trgm ON public.paragraphs USING gin (text public.gin_trgm_ops);


--
-- Name: ix_paragraphs_tsv; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_paragraphs_tsv ON public.paragraphs USING gin (to_tsvector('english'::regconfig, text));


--
-- Name: ix_quotes_speaker; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_quotes_speaker ON public.quotes USING btree (speaker_id);


--
-- Name: ix_quotes_trgm; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_quotes_trgm ON public.quotes USING gin (norm public.gin_trgm_ops);


--
-- Name: ix_quotes_tsv; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_quotes_tsv ON public.quotes USING gin (to_tsvector('english'::regconfig, norm));


--
-- Name: ix_reports_trgm; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_reports_trgm ON public.reports USING gin (norm public.gin_trgm_ops);


--
-- Name: ix_reports_tsv; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_reports_tsv ON public.reports USING gin (to_tsvector('english'::regconfig, norm));


--
-- Name: aliases aliases_speaker_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.aliases
    ADD CONSTRAINT aliases_speaker_id_fkey FOREIGN KEY (speaker_id) REFERENCES public.speakers(id) ON DELETE CASCADE;


--
-- Name: digest_articles digest_articles_digest_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.digest_articles
    ADD CONSTRAINT digest_articles_digest_id_fkey FOREIGN KEY (digest_id) REFERENCES public.digests(id) ON DELETE CASCADE;


--
-- Name: digest_parts digest_parts_digest_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.digest_parts
    ADD CONSTRAINT digest_parts_digest_id_fkey FOREIGN KEY (digest_id) REFERENCES public.digests(id) ON DELETE CASCADE;


--
-- Name: ingest_problems ingest_problems_run_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.ingest_problems
    ADD CONSTRAINT ingest_problems_run_id_fkey FOREIGN KEY (run_id) REFERENCES public.ingest_runs(id) ON DELETE CASCADE;


--
-- Name: paragraphs paragraphs_article_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.paragraphs
    ADD CONSTRAINT paragraphs_article_id_fkey FOREIGN KEY (article_id) REFERENCES public.articles(id) ON DELETE CASCADE;


--
-- Name: quotes quotes_article_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.quotes
    ADD CONSTRAINT quotes_article_id_fkey FOREIGN KEY (article_id) REFERENCES public.articles(id) ON DELETE CASCADE;


--
-- Name: quotes quotes_speaker_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.quotes
    ADD CONSTRAINT quotes_speaker_id_fkey FOREIGN KEY (speaker_id) REFERENCES public.speakers(id);


--
-- Name: reports reports_article_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.reports
    ADD CONSTRAINT reports_article_id_fkey FOREIGN KEY (article_id) REFERENCES public.articles(id) ON DELETE CASCADE;


--
-- Name: reports reports_speaker_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.reports
    ADD CONSTRAINT reports_speaker_id_fkey FOREIGN KEY (speaker_id) REFERENCES public.speakers(id);


--
-- PostgreSQL database dump complete
--

\unrestrict VpzBygKHaitCuzUck34pz3gRETKAXIAfwhfy1xm52MzIXmP38gBofffRc1vh02a


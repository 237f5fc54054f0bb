#!/usr/bin/env python3
"""gen-leaders.py: writes data/dict/leaders.actors.txt, the heads of state and government
and foreign ministers of the G20 and the Middle East and North Africa from 2000 on, each
coded by the office held on the story's date (actor format, FORMATS.md section 3).

usage: python3 tools/gen-leaders.py > data/dict/leaders.actors.txt

The table below is one person a line:
    Full Name | other names, ';'-separated | CODE START-END; CODE START-...; | default
Dates are YYYYMMDD; an open end ('START-') is an office still held.  The default is the
code when no term holds (COUNTRY+ELI when left empty).  A person already in
people.actors.txt is skipped, and a short name that another entry of the dictionaries
already uses is dropped (both reported on stderr), so no phrase is claimed twice.
"""
import os
import re
import sys
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
DICT = os.path.join(HERE, "..", "data", "dict")

TABLE = """
# ---- Argentina ----
Fernando de la Rua | | ARGGOV 19991210-20011221 |
Eduardo Duhalde | Duhalde | ARGGOV 20020102-20030525 |
Nestor Kirchner | | ARGGOV 20030525-20071210 |
Cristina Fernandez de Kirchner | Cristina Kirchner; Cristina Fernandez | ARGGOV 20071210-20151210; ARGGOV 20191210-20231210 |
Mauricio Macri | Macri | ARGGOV 20151210-20191210 |
Alberto Fernandez | | ARGGOV 20191210-20231210 |
Javier Milei | Milei | ARGGOV 20231210- |
Adalberto Rodriguez Giavarini | Giavarini | ARGGOV 19991210-20011221 |
Carlos Ruckauf | Ruckauf | ARGGOV 20020103-20030525 |
Rafael Bielsa | | ARGGOV 20030525-20051201 |
Jorge Taiana | Taiana | ARGGOV 20051201-20100618 |
Hector Timerman | Timerman | ARGGOV 20100618-20151210 |
Susana Malcorra | Malcorra | ARGGOV 20151210-20170612 |
Jorge Faurie | Faurie | ARGGOV 20170612-20191210 |
Felipe Sola | | ARGGOV 20191210-20210920 |
Santiago Cafiero | Cafiero | ARGGOV 20210920-20231210 |
Diana Mondino | Mondino | ARGGOV 20231210-20241030 |
Gerardo Werthein | Werthein | ARGGOV 20241030- |
# ---- Australia ----
John Howard | | AUSGOV 19960311-20071203 |
Kevin Rudd | Rudd | AUSGOV 20071203-20100624; AUSGOV 20100914-20120222; AUSGOV 20130627-20130918 |
Julia Gillard | Gillard | AUSGOV 20100624-20130627 |
Tony Abbott | | AUSGOV 20130918-20150915 |
Malcolm Turnbull | Turnbull | AUSGOV 20150915-20180824 |
Scott Morrison | | AUSGOV 20180824-20220523 |
Anthony Albanese | Albanese | AUSGOV 20220523- |
Alexander Downer | | AUSGOV 19960311-20071203 |
Stephen Smith | | AUSGOV 20071203-20100914 |
Bob Carr | | AUSGOV 20120313-20130918 |
Julie Bishop | | AUSGOV 20130918-20180826 |
Marise Payne | | AUSGOV 20180826-20220523 |
Penny Wong | | AUSGOV 20220523- |
# ---- Brazil ----
Fernando Henrique Cardoso | Cardoso | BRAGOV 19950101-20030101 |
Luiz Inacio Lula da Silva | Lula; Lula da Silva | BRAGOV 20030101-20110101; BRAGOV 20230101- |
Dilma Rousseff | Rousseff | BRAGOV 20110101-20160831 |
Michel Temer | Temer | BRAGOV 20160831-20190101 |
Jair Bolsonaro | Bolsonaro | BRALEG 19910201-20181231; BRAGOV 20190101-20230101 |
Luiz Felipe Lampreia | Lampreia | BRAGOV 19950101-20010129 |
Celso Lafer | | BRAGOV 20010129-20030101 |
Celso Amorim | Amorim | BRAGOV 20030101-20110101; BRAGOV 20110804-20150101 |
Antonio Patriota | Patriota | BRAGOV 20110101-20130828 |
Luiz Alberto Figueiredo | | BRAGOV 20130828-20150101 |
Mauro Vieira | | BRAGOV 20150101-20160512; BRAGOV 20230101- |
Jose Serra | | BRAGOV 20160512-20170222 |
Aloysio Nunes | | BRAGOV 20170307-20190101 |
Ernesto Araujo | | BRAGOV 20190101-20210329 |
Carlos Franca | | BRAGOV 20210406-20230101 |
# ---- Canada ----
Jean Chretien | Chretien | CANGOV 19931104-20031212 |
Paul Martin | | CANGOV 20031212-20060206 |
Stephen Harper | Harper | CANGOV 20060206-20151104 |
Justin Trudeau | Trudeau | CANLEG 20081014-20151104; CANGOV 20151104-20250314 |
Mark Carney | Carney | CANGOV 20250314- |
John Manley | | CANGOV 20001017-20020115 |
Bill Graham | | CANGOV 20020116-20040720 |
Pierre Pettigrew | Pettigrew | CANGOV 20040720-20060206 |
Peter MacKay | MacKay | CANGOV 20060206-20070814 |
Maxime Bernier | | CANGOV 20070814-20080526 |
Lawrence Cannon | | CANGOV 20081030-20110518 |
John Baird | | CANGOV 20110518-20150203 |
Stephane Dion | | CANGOV 20151104-20170110 |
Chrystia Freeland | Freeland | CANGOV 20170110- |
Francois-Philippe Champagne | | CANGOV 20191120- |
Marc Garneau | Garneau | CANGOV 20210112-20211026 |
Melanie Joly | Joly | CANGOV 20211026- |
Anita Anand | | CANGOV 20250513- |
# ---- China ----
Jiang Zemin | | CHNGOV 19930327-20030315 |
Zhu Rongji | | CHNGOV 19980317-20030316 |
Wen Jiabao | | CHNGOV 20030316-20130315 |
Li Qiang | | CHNGOV 20230311- |
Tang Jiaxuan | | CHNGOV 19980318-20030317 |
Li Zhaoxing | | CHNGOV 20030317-20070427 |
Yang Jiechi | | CHNGOV 20070427-20221030 |
Qin Gang | | CHNGOV 20221230-20230725 |
# ---- European Union and African Union ----
Jose Manuel Barroso | Barroso | PRTGOV 20020406-20040717; IGOEUREEC 20041122-20141031 |
Jean-Claude Juncker | Juncker | LUXGOV 19950120-20131204; IGOEUREEC 20141101-20191130 |
Herman Van Rompuy | Van Rompuy | BELGOV 20081230-20091125; IGOEUREEC 20091201-20141130 |
Donald Tusk | Tusk | POLGOV 20071116-20140922; IGOEUREEC 20141201-20191130; POLGOV 20231213- |
Charles Michel | | BELGOV 20141011-20191027; IGOEUREEC 20191201-20241130 |
Antonio Costa | | PRTGOV 20151126-20240402; IGOEUREEC 20241201- |
Javier Solana | Solana | IGOWSTNAT 19951205-19991006; IGOEUREEC 19991018-20091130 |
Kaja Kallas | Kallas | ESTGOV 20210126-20240723; IGOEUREEC 20241201- |
Alpha Oumar Konare | Konare | MLIGOV 19920608-20020608; IGOAFRAFU 20030916-20080428 |
Jean Ping | | IGOAFRAFU 20080428-20121015 |
Nkosazana Dlamini-Zuma | Dlamini-Zuma | ZAFGOV 19990617-20090510; IGOAFRAFU 20121015-20170314 |
Moussa Faki | Moussa Faki Mahamat | TCDGOV 20080416-20170130; IGOAFRAFU 20170314-20250215 |
Mahmoud Ali Youssouf | | DJIGOV 20050504-20250215; IGOAFRAFU 20250215- |
# ---- France ----
Jacques Chirac | Chirac | FRAGOV 19950517-20070516 |
Lionel Jospin | Jospin | FRAGOV 19970602-20020506 |
Jean-Pierre Raffarin | Raffarin | FRAGOV 20020506-20050531 |
Dominique de Villepin | Villepin; de Villepin | FRAGOV 20020507-20070517 |
Francois Fillon | Fillon | FRAGOV 20070517-20120515 |
Jean-Marc Ayrault | Ayrault | FRAGOV 20120515-20140331; FRAGOV 20160211-20170517 |
Manuel Valls | Valls | FRAGOV 20140331-20161206 |
Bernard Cazeneuve | Cazeneuve | FRAGOV 20120516-20170515 |
Edouard Philippe | | FRAGOV 20170515-20200703 |
Jean Castex | Castex | FRAGOV 20200703-20220516 |
Elisabeth Borne | | FRAGOV 20170517-20240109 |
Gabriel Attal | Attal | FRAGOV 20220520-20240905 |
Michel Barnier | Barnier | FRAGOV 20040331-20050602; IGOEUREEC 20160727-20200331; FRAGOV 20240905-20241213 |
Francois Bayrou | Bayrou | FRAGOV 20241213-20250909 |
Sebastien Lecornu | Lecornu | FRAGOV 20170517- |
Hubert Vedrine | Vedrine | FRAGOV 19970604-20020506 |
Philippe Douste-Blazy | Douste-Blazy | FRAGOV 20050602-20070518 |
Bernard Kouchner | Kouchner | FRAGOV 20070518-20101114 |
Michele Alliot-Marie | Alliot-Marie | FRAGOV 20020507-20120516 |
Alain Juppe | Juppe | FRAGOV 20101114-20120516 |
Catherine Colonna | | FRAGOV 20220520-20240111 |
Stephane Sejourne | Sejourne | FRAGOV 20240111-20240921 |
Jean-Noel Barrot | | FRAGOV 20240921- |
# ---- Germany ----
Gerhard Schroeder | Schroeder; Gerhard Schroder | DEUGOV 19981027-20051122 |
Johannes Rau | | DEUGOV 19990701-20040630 |
Horst Koehler | Koehler; Horst Kohler | IGOUNODEVIMF 20000501-20040304; DEUGOV 20040701-20100531 |
Christian Wulff | Wulff | DEUGOV 20100630-20120217 |
Joachim Gauck | Gauck | DEUGOV 20120318-20170318 |
Joschka Fischer | | DEUGOV 19981027-20051122 |
Guido Westerwelle | Westerwelle | DEUGOV 20091028-20131217 |
Sigmar Gabriel | | DEUGOV 20051122-20180314 |
Heiko Maas | | DEUGOV 20131217-20211208 |
Annalena Baerbock | Baerbock | DEUGOV 20211208-20250506; IGOUNO 20250909- |
Johann Wadephul | Wadephul | DEUGOV 20250506- |
# ---- India ----
Atal Bihari Vajpayee | Vajpayee | INDGOV 19980319-20040522 |
A.P.J. Abdul Kalam | Abdul Kalam | INDGOV 20020725-20070725 |
Pratibha Patil | | INDGOV 20070725-20120725 |
Pranab Mukherjee | Mukherjee | INDGOV 20040522-20120626; INDGOV 20120725-20170725 |
Ram Nath Kovind | Kovind | INDGOV 20170725-20220725 |
Droupadi Murmu | Murmu | INDGOV 20220725- |
Jaswant Singh | | INDGOV 19981205-20040522 |
Yashwant Sinha | | INDGOV 20020701-20040522 |
Natwar Singh | | INDGOV 20040522-20051106 |
S.M. Krishna | | INDGOV 20090522-20121028 |
Salman Khurshid | Khurshid | INDGOV 20121028-20140526 |
Sushma Swaraj | Swaraj | INDGOV 20140526-20190530 |
# ---- Indonesia ----
Abdurrahman Wahid | Gus Dur | IDNGOV 19991020-20010723 |
Megawati Sukarnoputri | Megawati | IDNGOV 19991021-20041020 |
Susilo Bambang Yudhoyono | Yudhoyono | IDNGOV 20041020-20141020 |
Joko Widodo | Jokowi; Widodo | IDNGOV 20141020-20241020 |
Prabowo Subianto | Prabowo | IDNGOV 20191023- |
Hassan Wirajuda | Wirajuda | IDNGOV 20010810-20091022 |
Marty Natalegawa | Natalegawa | IDNGOV 20091022-20141020 |
Retno Marsudi | Retno | IDNGOV 20141027-20241020 |
Sugiono | | IDNGOV 20241021- |
# ---- Italy ----
Giuliano Amato | | ITAGOV 20000426-20010611 |
Silvio Berlusconi | Berlusconi | ITAGOV 20010611-20060517; ITAGOV 20080508-20111116 |
Romano Prodi | Prodi | IGOEUREEC 19990916-20041122; ITAGOV 20060517-20080508 |
Mario Monti | | ITAGOV 20111116-20130428 |
Enrico Letta | | ITAGOV 20130428-20140222 |
Matteo Renzi | Renzi | ITAGOV 20140222-20161212 |
Paolo Gentiloni | Gentiloni | ITAGOV 20141031-20180601; IGOEUREEC 20191201-20241130 |
Giuseppe Conte | | ITAGOV 20180601-20210213 |
Mario Draghi | Draghi | IGOEUREEC 20111101-20191031; ITAGOV 20210213-20221022 |
Giorgia Meloni | Meloni | ITAGOV 20221022- |
Carlo Azeglio Ciampi | Ciampi | ITAGOV 19990518-20060515 |
Giorgio Napolitano | Napolitano | ITAGOV 20060515-20150114 |
Sergio Mattarella | Mattarella | ITAGOV 20150203- |
Franco Frattini | Frattini | ITAGOV 20021114-20041118; IGOEUREEC 20041122-20080507; ITAGOV 20080508-20111116 |
Gianfranco Fini | | ITAGOV 20041118-20060517 |
Massimo D'Alema | D'Alema | ITAGOV 20060517-20080508 |
Emma Bonino | Bonino | ITAGOV 20130428-20140222 |
Angelino Alfano | Alfano | ITAGOV 20161212-20180601 |
Luigi Di Maio | Di Maio | ITAGOV 20190905-20221022 |
Antonio Tajani | Tajani | ITAGOV 20221022- |
# ---- Japan ----
Yoshiro Mori | | JPNGOV 20000405-20010426 |
Junichiro Koizumi | Koizumi | JPNGOV 20010426-20060926 |
Yasuo Fukuda | Fukuda | JPNGOV 20070926-20080924 |
Taro Aso | Aso | JPNGOV 20051031-20090916; JPNGOV 20121226-20211004 |
Yukio Hatoyama | Hatoyama | JPNGOV 20090916-20100608 |
Naoto Kan | | JPNGOV 20100608-20110902 |
Yoshihiko Noda | | JPNGOV 20110902-20121226 |
Yoshihide Suga | Suga | JPNGOV 20121226-20211004 |
Shigeru Ishiba | Ishiba | JPNGOV 20241001-20251021 |
Sanae Takaichi | Takaichi | JPNGOV 20251021- |
Yohei Kono | | JPNGOV 19991005-20010426 |
Makiko Tanaka | | JPNGOV 20010426-20020130 |
Yoriko Kawaguchi | Kawaguchi | JPNGOV 20020201-20040927 |
Nobutaka Machimura | Machimura | JPNGOV 20040927-20051031; JPNGOV 20070827-20080924 |
Masahiko Komura | Komura | JPNGOV 20070926-20080802 |
Hirofumi Nakasone | | JPNGOV 20080924-20090916 |
Katsuya Okada | Okada | JPNGOV 20090916-20100917 |
Seiji Maehara | Maehara | JPNGOV 20100917-20110307 |
Koichiro Gemba | Gemba | JPNGOV 20110902-20121226 |
Taro Kono | | JPNGOV 20170803-20191004 |
Toshimitsu Motegi | Motegi | JPNGOV 20190911-20211104; JPNGOV 20251021- |
Yoshimasa Hayashi | | JPNGOV 20211110-20231213 |
Yoko Kamikawa | Kamikawa | JPNGOV 20230913-20241001 |
Takeshi Iwaya | Iwaya | JPNGOV 20241001-20251021 |
# ---- South Korea ----
Kim Dae-jung | | KORGOV 19980225-20030224 |
Roh Moo-hyun | | KORGOV 20030225-20080224 |
Lee Myung-bak | | KORGOV 20080225-20130224 |
Park Geun-hye | | KORGOV 20130225-20170310 |
Moon Jae-in | | KORGOV 20170510-20220509 |
Yoon Suk Yeol | Yoon Suk-yeol | KORGOV 20220510-20250404 |
Lee Jae-myung | | KORGOV 20250604- |
Lee Joung-binn | | KORGOV 20000814-20010325 |
Han Seung-soo | | KORGOV 20010326-20020203; KORGOV 20080229-20090928 |
Choi Sung-hong | | KORGOV 20020204-20030227 |
Yoon Young-kwan | | KORGOV 20030227-20040116 |
Song Min-soon | | KORGOV 20061201-20080229 |
Yu Myung-hwan | | KORGOV 20080229-20100904 |
Kim Sung-hwan | | KORGOV 20101008-20130311 |
Yun Byung-se | | KORGOV 20130311-20170618 |
Kang Kyung-wha | | KORGOV 20170618-20210208 |
Chung Eui-yong | | KORGOV 20210209-20220511 |
Park Jin | | KORGOV 20220512-20231229 |
Cho Tae-yul | | KORGOV 20240110-20250604 |
Cho Hyun | | KORGOV 20250719- |
# ---- Mexico ----
Ernesto Zedillo | Zedillo | MEXGOV 19941201-20001130 |
Vicente Fox | | MEXGOV 20001201-20061130 |
Felipe Calderon | Calderon | MEXGOV 20061201-20121130 |
Enrique Pena Nieto | Pena Nieto | MEXGOV 20121201-20181130 |
Andres Manuel Lopez Obrador | Lopez Obrador; AMLO | MEXGOV 20181201-20240930 |
Claudia Sheinbaum | Sheinbaum | MEXGOV 20241001- |
Jorge Castaneda | | MEXGOV 20001201-20030110 |
Luis Ernesto Derbez | Derbez | MEXGOV 20001201-20061130 |
Patricia Espinosa | | MEXGOV 20061201-20121130 |
Jose Antonio Meade | | MEXGOV 20121201-20150827 |
Claudia Ruiz Massieu | | MEXGOV 20150827-20170104 |
Luis Videgaray | Videgaray | MEXGOV 20170104-20181130 |
Marcelo Ebrard | Ebrard | MEXGOV 20181201-20230612; MEXGOV 20231001- |
Alicia Barcena | | IGOUNO 20080701-20220331; MEXGOV 20230703-20240930 |
Juan Ramon de la Fuente | | MEXGOV 20241001- |
# ---- Russia ----
Mikhail Kasyanov | Kasyanov | RUSGOV 20000517-20040224 | RUSOPP
Mikhail Fradkov | Fradkov | RUSGOV 20040305-20070914; RUSSPY 20071006-20161005 |
Viktor Zubkov | Zubkov | RUSGOV 20070914-20080507 |
Mikhail Mishustin | Mishustin | RUSGOV 20200116- |
Igor Ivanov | | RUSGOV 19980911-20071117 |
# ---- Saudi Arabia ----
King Fahd | Fahd bin Abdulaziz | SAUGOV 19820613-20050801 |
Ibrahim al-Assaf | | SAUGOV 20181227-20191023 |
Faisal bin Farhan | Prince Faisal bin Farhan | SAUGOV 20191023- |
# ---- South Africa ----
Thabo Mbeki | Mbeki | ZAFGOV 19990614-20080924 |
Kgalema Motlanthe | Motlanthe | ZAFGOV 20080925-20140525 |
Jacob Zuma | Zuma | ZAFGOV 20090509-20180214 |
Cyril Ramaphosa | Ramaphosa | ZAFGOV 20140526- |
Maite Nkoana-Mashabane | Nkoana-Mashabane | ZAFGOV 20090510-20180226 |
Lindiwe Sisulu | | ZAFGOV 20180227-20190529 |
Naledi Pandor | Pandor | ZAFGOV 20190530-20240703 |
Ronald Lamola | Lamola | ZAFGOV 20240703- |
# ---- Turkey ----
Ahmet Necdet Sezer | Sezer | TURGOV 20000516-20070828 |
Bulent Ecevit | Ecevit | TURGOV 19990528-20021118 |
Abdullah Gul | Gul | TURGOV 20021118-20140828 |
Binali Yildirim | Yildirim | TURGOV 20160524-20180709 |
Ismail Cem | | TURGOV 19970630-20020711 |
Ali Babacan | Babacan | TURGOV 20070829-20150828 |
# ---- United Kingdom ----
Liz Truss | Truss | GBRGOV 20210915-20221025 |
Robin Cook | | GBRGOV 19970502-20010608 |
Jack Straw | | GBRGOV 19970502-20070627 |
Margaret Beckett | | GBRGOV 20060505-20070627 |
David Miliband | | GBRGOV 20070628-20100511 |
Jeremy Hunt | | GBRGOV 20120904-20190724; GBRGOV 20221014-20240705 |
Dominic Raab | Raab | GBRGOV 20190724-20230421 |
James Cleverly | | GBRGOV 20220906-20240705 |
David Lammy | Lammy | GBRGOV 20240705- |
Yvette Cooper | | GBRGOV 20240705- |
# ---- United States ----
Madeleine Albright | Albright | IGOUNO 19930127-19970121; USAGOV 19970123-20010120 |
# ---- Algeria ----
Abdelaziz Bouteflika | Bouteflika | DZAGOV 19990427-20190402 |
Abdelmadjid Tebboune | Tebboune | DZAGOV 20170525-20170815; DZAGOV 20191219- |
Ahmed Ouyahia | Ouyahia | DZAGOV 20030505-20060524; DZAGOV 20080623-20120903; DZAGOV 20170815-20190311 |
Abdelmalek Sellal | Sellal | DZAGOV 20120903-20170524 |
Abdelaziz Belkhadem | Belkhadem | DZAGOV 20000826-20080623 |
Mourad Medelci | Medelci | DZAGOV 20070604-20130911 |
Ramtane Lamamra | Lamamra | DZAGOV 20130911-20170525; DZAGOV 20210707-20230316 |
Abdelkader Messahel | Messahel | DZAGOV 20170525-20190331 |
Sabri Boukadoum | Boukadoum | DZAGOV 20190401-20210707 |
Ahmed Attaf | Attaf | DZAGOV 20230316- |
# ---- Bahrain ----
Hamad bin Isa Al Khalifa | King Hamad | BHRGOV 19990306- |
Khalifa bin Salman Al Khalifa | | BHRGOV 19710101-20201111 |
Salman bin Hamad Al Khalifa | | BHRGOV 20201111- |
Khalid bin Ahmed Al Khalifa | | BHRGOV 20050901-20200211 |
Abdullatif bin Rashid Al Zayani | Abdullatif Al Zayani; Zayani | GCC 20110401-20200201; BHRGOV 20200211- |
# ---- Egypt ----
Adly Mansour | | EGYGOV 20130704-20140608 | EGYJUD
Mohamed Hussein Tantawi | Tantawi | EGYMIL 19910520-20120812 |
Atef Ebeid | | EGYGOV 19991005-20040714 |
Ahmed Nazif | Nazif | EGYGOV 20040714-20110129 |
Ahmed Shafik | Shafik | EGYGOV 20110129-20110303 |
Essam Sharaf | | EGYGOV 20110303-20111207 |
Kamal Ganzouri | Ganzouri | EGYGOV 20111207-20120802 |
Hesham Qandil | Qandil | EGYGOV 20120802-20130716 |
Hazem el-Beblawi | Beblawi | EGYGOV 20130716-20140301 |
Ibrahim Mahlab | Mahlab | EGYGOV 20140301-20150919 |
Sherif Ismail | | EGYGOV 20150919-20180614 |
Mostafa Madbouly | Madbouly | EGYGOV 20180614- |
Amr Moussa | | EGYGOV 19910520-20010514; IGOARBARL 20010515-20110630 |
Ahmed Maher | | EGYGOV 20010514-20040712 |
Ahmed Aboul Gheit | Aboul Gheit | EGYGOV 20040712-20110306; IGOARBARL 20160701- |
Nabil Elaraby | Elaraby; Nabil al-Arabi | EGYGOV 20110306-20110701; IGOARBARL 20110701-20160630 |
Mohamed Kamel Amr | | EGYGOV 20110717-20130716 |
Nabil Fahmy | | EGYGOV 20130716-20140616 |
Badr Abdelatty | Abdelatty | EGYGOV 20240703- |
# ---- Iran ----
Mohammad Khatami | Khatami | IRNGOV 19970803-20050803 |
Kamal Kharrazi | Kharrazi | IRNGOV 19970820-20050824 |
Manouchehr Mottaki | Mottaki | IRNGOV 20050824-20101213 |
Ali Akbar Salehi | Salehi | IRNGOV 20090716-20210829 |
# ---- Iraq ----
Saddam Hussein | Saddam | IRQGOV 19790716-20030409 |
Ghazi al-Yawer | | IRQGOV 20040628-20050407 |
Jalal Talabani | Talabani | IRQGOV 20050407-20140724 |
Fuad Masum | Masum; Fouad Massoum | IRQGOV 20140724-20181002 |
Barham Salih | | IRQGOV 20181002-20221017 |
Abdul Latif Rashid | | IRQGOV 20221017- |
Ayad Allawi | Allawi | IRQGOV 20040628-20050503 |
Adil Abdul-Mahdi | Abdul-Mahdi | IRQGOV 20181025-20200507 |
Mustafa al-Kadhimi | Kadhimi; al-Kadhimi | IRQSPY 20160607-20200507; IRQGOV 20200507-20221027 |
Mohammed Shia al-Sudani | Sudani; al-Sudani | IRQGOV 20221027- |
Naji Sabri | | IRQGOV 20010401-20030409 |
Hoshyar Zebari | Zebari | IRQGOV 20030903-20160921 |
Mohamed Ali Alhakim | | IRQGOV 20181025-20200606 |
Fuad Hussein | | IRQGOV 20200606- |
# ---- Israel ----
Ehud Barak | Barak | ISRGOV 19990706-20010307; ISRGOV 20070618-20130318 |
Ariel Sharon | | ISRGOV 20010307-20060414 |
Ehud Olmert | Olmert | ISRGOV 20060104-20090331 |
Moshe Katsav | Katsav | ISRGOV 20000801-20070701 |
Shimon Peres | Peres | ISRGOV 20010307-20021102; ISRGOV 20070715-20140724 |
Reuven Rivlin | Rivlin | ISRGOV 20140724-20210707 |
Isaac Herzog | Herzog | ISRGOV 20210707- |
Shlomo Ben-Ami | | ISRGOV 19990706-20010307 |
Silvan Shalom | | ISRGOV 20030228-20060116 |
Tzipi Livni | Livni | ISRGOV 20060504-20090331 |
Avigdor Lieberman | | ISRGOV 20090331-20121218; ISRGOV 20131111-20150514 |
Israel Katz | | ISRGOV 20190217-20200517; ISRGOV 20240101- |
Gabi Ashkenazi | | ISRGOV 20200517-20210613 |
Eli Cohen | | ISRGOV 20230102-20240101 |
Gideon Sa'ar | | ISRGOV 20241105- |
# ---- Jordan ----
Ali Abu al-Ragheb | | JORGOV 20000619-20031025 |
Faisal al-Fayez | | JORGOV 20031025-20050407 |
Marouf al-Bakhit | | JORGOV 20051127-20071125; JORGOV 20110209-20111024 |
Nader al-Dahabi | | JORGOV 20071125-20091214 |
Samir Rifai | | JORGOV 20091214-20110209 |
Awn Khasawneh | | JORGOV 20111024-20120502 |
Abdullah Ensour | Ensour | JORGOV 20121011-20160601 |
Hani Mulki | | JORGOV 20160601-20180604 |
Omar Razzaz | Razzaz | JORGOV 20180604-20201012 |
Bisher Khasawneh | | JORGOV 20201012-20240915 |
Jafar Hassan | | JORGOV 20240915- |
Marwan Muasher | Muasher | JORGOV 20020101-20050405 |
# ---- Kuwait ----
Sabah al-Ahmad al-Jaber al-Sabah | Sheikh Sabah al-Ahmad | KWTGOV 19630101-20200929 |
Nawaf al-Ahmad al-Jaber al-Sabah | Sheikh Nawaf | KWTGOV 20060207-20231216 |
Mishal al-Ahmad al-Jaber al-Sabah | Sheikh Mishal | KWTGOV 20201008- |
Sabah al-Khalid al-Sabah | | KWTGOV 20111022-20220724 |
# ---- Lebanon ----
Emile Lahoud | Lahoud | LBNGOV 19981124-20071123 |
Michel Suleiman | Michel Sleiman | LBNMIL 19981221-20080525; LBNGOV 20080525-20140524 |
Michel Aoun | | LBNGOV 20161031-20221030 |
Joseph Aoun | | LBNMIL 20170308-20250109; LBNGOV 20250109- |
Rafik Hariri | Rafic Hariri | LBNGOV 20001023-20041021 |
Omar Karami | | LBNGOV 20041026-20050419 |
Najib Mikati | Mikati | LBNGOV 20050419-20050719; LBNGOV 20110613-20140215; LBNGOV 20210910-20250208 |
Fouad Siniora | Siniora | LBNGOV 20050719-20091109 |
Saad Hariri | | LBNGOV 20091109-20110613; LBNGOV 20161218-20200121 |
Tammam Salam | | LBNGOV 20140215-20161218 |
Hassan Diab | | LBNGOV 20200121-20210910 |
Nawaf Salam | | IGOUNOJUD 20180206-20250114; LBNGOV 20250208- |
Fawzi Salloukh | Salloukh | LBNGOV 20050719-20091109 |
Adnan Mansour | | LBNGOV 20110613-20140215 |
Gebran Bassil | Bassil | LBNGOV 20140215-20200121 |
Abdallah Bou Habib | Bou Habib | LBNGOV 20210910-20250208 |
Youssef Rajji | Rajji | LBNGOV 20250208- |
# ---- Libya ----
Muammar Gaddafi | Gaddafi; Qaddafi; Kadhafi; Gadhafi; Muammar Qaddafi; Moammar Gadhafi | LBYGOV 19690901-20110823 |
Mustafa Abdul Jalil | | LBYGOV 20110305-20120808 |
Ali Zeidan | | LBYGOV 20121114-20140311 |
Abdullah al-Thinni | Abdullah al-Thani; al-Thinni | LBYGOV 20140311-20210315 |
Fayez al-Sarraj | Sarraj; al-Sarraj | LBYGOV 20160330-20210315 |
Abdul Hamid Dbeibah | Dbeibah | LBYGOV 20210315- |
Khalifa Haftar | Haftar; Hifter | LBYMIL 20140516- |
Abdel Rahman Shalgham | Shalgham | LBYGOV 20000301-20090304 |
Moussa Koussa | Koussa | LBYSPY 19940101-20090304; LBYGOV 20090304-20110330 |
# ---- Morocco ----
King Mohammed VI | Mohammed VI | MARGOV 19990723- |
Abderrahmane Youssoufi | Youssoufi | MARGOV 19980314-20021009 |
Driss Jettou | Jettou | MARGOV 20021009-20070919 |
Abbas El Fassi | | MARGOV 20070919-20111129 |
Abdelilah Benkirane | Benkirane | MARGOV 20111129-20170405 |
Saadeddine Othmani | Othmani; El Othmani | MARGOV 20120103-20131010; MARGOV 20170405-20211007 |
Aziz Akhannouch | Akhannouch | MARGOV 20211007- |
Mohamed Benaissa | | MARGOV 19990401-20071015 |
Taib Fassi Fihri | | MARGOV 20071015-20120103 |
Salaheddine Mezouar | Mezouar | MARGOV 20131010-20170405 |
Nasser Bourita | Bourita | MARGOV 20170405- |
# ---- Oman ----
Sultan Qaboos | Qaboos; Qaboos bin Said | OMNGOV 19700723-20200110 |
Haitham bin Tariq | Sultan Haitham | OMNGOV 20200111- |
Yusuf bin Alawi | bin Alawi | OMNGOV 19970101-20200818 |
Badr Albusaidi | Badr al-Busaidi; Albusaidi | OMNGOV 20200818- |
# ---- Palestine ----
Yasser Arafat | Arafat | PSEGOV 19940705-20041111 |
Ahmed Qurei | Qurei; Abu Alaa | PSEGOV 20031007-20060329 |
Salam Fayyad | Fayyad | PSEGOV 20070615-20130606 |
Rami Hamdallah | Hamdallah | PSEGOV 20130606-20190413 |
Mohammad Shtayyeh | Shtayyeh | PSEGOV 20190414-20240331 |
Mohammad Mustafa | | PSEGOV 20240331- |
Nabil Shaath | Shaath | PSEGOV 20030429-20050224 |
Riyad al-Maliki | Riad Malki | PSEGOV 20070517-20240331 |
# ---- Qatar ----
Hamad bin Khalifa Al Thani | Sheikh Hamad bin Khalifa | QATGOV 19950627-20130625 |
Hamad bin Jassim Al Thani | Hamad bin Jassim; Hamad bin Jassim bin Jaber Al Thani | QATGOV 19920901-20130626 |
Khalid al-Attiyah | Attiyah | QATGOV 20130626-20160127 |
Mohammed bin Abdulrahman Al Thani | Mohammed bin Abdulrahman | QATGOV 20160127- |
Abdullah bin Nasser Al Thani | Abdullah bin Nasser | QATGOV 20130626-20200128 |
Khalid bin Khalifa Al Thani | Khalid bin Khalifa | QATGOV 20200128-20230307 |
# ---- Syria ----
Hafez al-Assad | Hafez Assad | SYRGOV 19710312-20000610 |
Farouk al-Sharaa | Farouq al-Sharaa | SYRGOV 19840301-20140723 |
Faisal Mekdad | Mekdad; Faisal Miqdad | SYRGOV 20201122-20241208 |
Asaad al-Shaibani | Shaibani; al-Shaibani | SYRGOV 20241221- |
Muhammad Naji al-Otari | Otari | SYRGOV 20030910-20110414 |
Adel Safar | | SYRGOV 20110414-20120623 |
Riyad Hijab | Riad Hijab | SYRGOV 20120623-20120806 | SYROPP
Wael al-Halqi | Halqi | SYRGOV 20120809-20160703 |
Imad Khamis | | SYRGOV 20160703-20200830 |
Hussein Arnous | Arnous | SYRGOV 20200830-20240914 |
# ---- Tunisia ----
Zine El Abidine Ben Ali | Ben Ali | TUNGOV 19871107-20110114 |
Fouad Mebazaa | Mebazaa | TUNGOV 20110115-20111213 |
Moncef Marzouki | Marzouki | TUNGOV 20111213-20141231 |
Beji Caid Essebsi | Essebsi; Caid Essebsi | TUNGOV 20110227-20111224; TUNGOV 20141231-20190725 |
Kais Saied | Saied | TUNGOV 20191023- |
Mohamed Ghannouchi | | TUNGOV 19991117-20110227 |
Hamadi Jebali | Jebali | TUNGOV 20111224-20130314 |
Ali Laarayedh | Laarayedh | TUNGOV 20130314-20140129 |
Mehdi Jomaa | Jomaa | TUNGOV 20140129-20150206 |
Habib Essid | Essid | TUNGOV 20150206-20160827 |
Youssef Chahed | Chahed | TUNGOV 20160827-20200227 |
Hichem Mechichi | Mechichi | TUNGOV 20200902-20210725 |
Najla Bouden | Bouden | TUNGOV 20211011-20230801 |
Othman Jerandi | Jerandi | TUNGOV 20130314-20140129; TUNGOV 20200902-20230207 |
# ---- United Arab Emirates ----
Zayed bin Sultan Al Nahyan | Sheikh Zayed | AREGOV 19711202-20041102 |
Khalifa bin Zayed Al Nahyan | Sheikh Khalifa bin Zayed | AREGOV 20041103-20220513 |
Mohamed bin Zayed Al Nahyan | Mohammed bin Zayed; Mohamed bin Zayed; MBZ | AREGOV 20041103- |
Mohammed bin Rashid Al Maktoum | Mohammed bin Rashid; Sheikh Mohammed bin Rashid | AREGOV 19950103- |
Abdullah bin Zayed Al Nahyan | Abdullah bin Zayed | AREGOV 20060209- |
# ---- Yemen ----
Ali Abdullah Saleh | | YEMGOV 19780717-20120227 |
Abdrabbuh Mansur Hadi | Hadi; Abd Rabbuh Mansour Hadi | YEMGOV 19941003-20220407 |
Rashad al-Alimi | Alimi; al-Alimi | YEMGOV 20220407- |
Khaled Bahah | Bahah | YEMGOV 20141109-20160403 |
Ahmed Obeid bin Daghr | bin Daghr | YEMGOV 20160404-20181015 |
Maeen Abdulmalik | | YEMGOV 20181015-20240205 |
Abu Bakr al-Qirbi | Qirbi; al-Qirbi | YEMGOV 20010404-20141109 |
Abdulmalik al-Mekhlafi | Mekhlafi | YEMGOV 20151201-20180501 |
Ahmad Awad bin Mubarak | bin Mubarak | YEMGOV 20201218-20250503 |
Abdul-Malik al-Houthi | Abdulmalik al-Houthi | YEMREBHTH 20040910- |
"""


def fold(s):
    return unicodedata.normalize("NFKD", s).encode("ascii", "ignore").decode()


def phrase(name):
    return re.sub(r"\s+", "_", fold(name).strip().upper()) + "_"


def known_phrases():
    """Phrases the other built-in actor files already claim."""
    seen = set()
    for f in sorted(os.listdir(DICT)):
        if "actors" not in f or f == "leaders.actors.txt":
            continue
        for line in open(os.path.join(DICT, f), encoding="utf-8"):
            line = line.split("#")[0].strip()
            if not line or line.startswith("[") or line.startswith("---"):
                continue
            p = line.lstrip("+").split("[")[0].strip()
            if p:
                seen.add(fold(p).upper())
    return seen


def parse():
    people = []
    for n, line in enumerate(TABLE.splitlines(), 1):
        line = line.strip()
        if not line or line.startswith("#"):
            if line.startswith("# ----"):
                people.append(("section", line))
            continue
        cols = [c.strip() for c in line.split("|")]
        if len(cols) != 4:
            sys.exit("gen-leaders: table line %d: want 4 columns" % n)
        name, aliases, terms, default = cols
        rules = []
        for t in terms.split(";"):
            t = t.strip()
            if not t:
                continue
            m = re.fullmatch(r"([A-Z]{3,12}) (\d{8})-(\d{8})?", t)
            if not m:
                sys.exit("gen-leaders: table line %d: bad term '%s'" % (n, t))
            code, start, end = m.groups()
            if end and end < start:
                sys.exit("gen-leaders: table line %d: term ends before it starts" % n)
            rules.append("[%s %s-%s]" % (code, start, end) if end else "[%s > %s]" % (code, start))
        if not rules:
            sys.exit("gen-leaders: table line %d: no term" % n)
        default = default or rules[0][1:4] + "ELI"
        names = [a.strip() for a in aliases.split(";") if a.strip()]
        people.append(("person", name, names, rules, default))
    return people


def main():
    people = parse()
    taken = known_phrases()
    counts = {}
    for p in people:
        if p[0] == "person":
            for a in [p[1]] + p[2]:
                counts[phrase(a)] = counts.get(phrase(a), 0) + 1
    out = [
        "# leaders.actors.txt: heads of state and government and foreign ministers of the G20,",
        "# the EU and AU, and the Middle East and North Africa from 2000 on, coded by the office",
        "# held on the story's date (actor format, FORMATS.md section 3).  Generated by",
        "# tools/gen-leaders.py from its table: edit the table, not this file.",
        "# Restrictions are tried in order and the first that holds wins; the last line is the",
        "# code when none holds (the country's elite, ELI, for a former office holder).",
        "",
    ]
    for p in people:
        if p[0] == "section":
            out += [p[1], ""]
            continue
        _, name, names, rules, default = p
        primary = phrase(name)
        if primary[:-1] in taken or primary in taken:
            print("gen-leaders: %s is in another actor file, skipped" % name, file=sys.stderr)
            continue
        out.append(primary)
        for a in names:
            ph = phrase(a)
            if ph == primary:
                continue
            if ph in taken or ph[:-1] in taken or counts[ph] > 1:
                print("gen-leaders: %s: '%s' is ambiguous, dropped" % (name, a), file=sys.stderr)
                continue
            out.append("+" + ph)
        if fold(name) != name:
            out.append("+" + re.sub(r"\s+", "_", name.upper()) + "_")
        for r in rules:
            out.append("\t" + r)
        out.append("\t[%s]" % default)
        out.append("")
    out.append("---STOP---")
    print("\n".join(out))


if __name__ == "__main__":
    main()

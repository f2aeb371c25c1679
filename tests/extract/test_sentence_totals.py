"""Killed and injured totals of one-sentence reports: restatements, groups and single victims."""

from __future__ import annotations

import pytest

from sitrep.pipeline import Pipeline
from sitrep.records import Document


@pytest.fixture(scope="module")
def pipeline():
    return Pipeline()


def _totals(pipeline, text):
    result = pipeline.extract(Document(id="t", text=text))
    return (sum(i.killed.best or 0 for i in result.incidents), sum(i.injured.best or 0 for i in result.incidents))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("Twelve people were killed when a bomb hit the bus station, killing 12 and wounding 30.",
                     (12, 30), id="a count restated after 'when' is the same victims"),
        pytest.param("In the north a bomb killed 3 civilians, and in the south a mine killed 3 soldiers.",
                     (6, 0), id="equal counts without a restating clause still add"),
        pytest.param("Gunmen shot dead five members of one family.", (5, 0), id="the family is no victim count"),
        pytest.param("Two of the four guards were wounded.", (0, 2), id="a count of a larger group"),
        pytest.param("Three people, two nurses and the driver, were killed.", (3, 0),
                     id="a list with an uncounted last member sums to the total"),
        pytest.param("A shopkeeper was shot and killed outside his shop.", (1, 0), id="shot and killed"),
        pytest.param("Gunmen entered the house of a teacher and killed him.", (1, 0), id="a pronoun victim"),
        pytest.param("A soldier was killed when a mine exploded under his truck, killing him.", (1, 0),
                     id="a pronoun after its victim adds nothing"),
        pytest.param("Militants threw a grenade into a yard, killing a sniffer dog.", (0, 0),
                     id="an animal is no victim"),
        pytest.param("A car bomb went off beside a procession marking the anniversary of a cleric's death in the "
                     "old town, killing nine people and injuring an additional 31.", (9, 31),
                     id="a participle after a background phrase returns to the reported event"),
        pytest.param("Soldiers raided the village on Friday, three weeks after a patrol was ambushed nearby, "
                     "when gunmen had fired on a checkpoint, killing two guards.", (0, 0),
                     id="a participle inside the background clause stays background"),
        pytest.param("A grenade killed the trader's nephew and left the councillor badly injured.", (1, 1),
                     id="a councillor left injured is one person"),
        pytest.param("A woman detonated a vest at the gate, and at least 14 people, including 9 guards and "
                     "5 visitors, were hurt.", (0, 14), id="the bomber's verb does not lend her an outcome"),
        pytest.param("Among the 19 victims were 16 soldiers and 3 farmers, and at least 40 others were wounded.",
                     (19, 40), id="a conjunct verb with its own subject keeps its own victims"),
        pytest.param("Just two people, a cook and a cleaner, were hurt.", (0, 2),
                     id="people named in apposition are the counted people"),
        pytest.param("Mortar fire on two markets killed at least six people and wounded 20 others.", (6, 20),
                     id="a verb with its own object does not take the markets as victims"),
        pytest.param("At least nine members of one household were wounded by the shell.", (0, 9),
                     id="the household the victims come from is no victim count"),
        pytest.param("One police officer was killed plus three attackers and 12 wounded at the gate.", (4, 12),
                     id="'plus' continues the outcome before it"),
        pytest.param("The explosion killed the mayor's bodyguard, a passerby and two vendors, 8 others were hurt.",
                     (4, 8), id="later members of an object list keep the verb's outcome"),
        pytest.param("A man stabbed two guards at the prison entrance, killing one and injuring the other.", (1, 1),
                     id="the fates of the attacked divide them, not add to them"),
        pytest.param("Two herders, aged 40 and 52, were shot dead near the well.", (2, 0),
                     id="an age clause between the victims and the verb is skipped"),
        pytest.param("Two foreign hikers, one Dutch and one Belgian woman, were found brutally murdered.", (2, 0),
                     id="a restating list before the verb sums to the total"),
        pytest.param("Three Malians, two Nigeriens, one Chadian and four Sudanese were killed.", (10, 0),
                     id="a list that goes on is not a breakdown of its first count"),
        pytest.param("Five Turkish-backed fighters were killed near the dam.", (5, 0),
                     id="a hyphenated participle stays in the victims' phrase"),
        pytest.param("The lawyer, who was also a member of the bar council, was assassinated.", (1, 0),
                     id="a predicate noun in a relative clause is no second victim"),
        pytest.param("Three soldiers died in the blast. It is unclear whether the driver was killed.", (3, 0),
                     id="an uncertain fate is not counted"),
        pytest.param("Police fired on youths protesting over the death of a detainee, leading to the death of one "
                     "protester.", (1, 0), id="a death the event led to is not the protest's background"),
        pytest.param("Six soldiers were killed in the shelling. Total fatalities divided equally across three events.",
                     (2, 0), id="a coder's equal division gives this event its share"),
        pytest.param("In addition to the gunman, three guards were killed and nine people were hurt.", (4, 9),
                     id="the one named 'in addition to' shares the count's fate"),
        pytest.param("The district chief was killed along with two of his bodyguards and five others were wounded.",
                     (3, 5), id="'along with' continues the outcome before it"),
        pytest.param("Nine guards were killed along with fourteen wounded.", (9, 14),
                     id="a count with its own outcome keeps it after 'along with'"),
        pytest.param("Two teachers who were abducted last month were found dead near the river.", (2, 0),
                     id="the main verb tells the fate after a relative clause"),
        pytest.param("Three porters who were wounded in the ambush later died in hospital.", (3, 0),
                     id="the wounded who died are counted once, as killed"),
        pytest.param("Twelve pilgrims, one driver, and three guards were killed.", (16, 0),
                     id="a serial comma keeps the list together"),
        pytest.param("Five contractors were pulled from their van and killed.", (5, 0),
                     id="a plural noun for people by its form takes a conjunct verb's outcome"),
        pytest.param("Two engineers working for a power company were abducted near the dam and later shot dead.",
                     (2, 0), id="a participle phrase after the victims and a second outcome after a place"),
        pytest.param("In all 40 people, most of them pilgrims were killed.", (40, 0),
                     id="an unclosed 'most of them' clause before the verb"),
        pytest.param("Six border and customs officers were killed at the crossing.", (6, 0),
                     id="two forces sharing one noun are one group"),
        pytest.param("Rockets hit a farmhouse, killing an entire family of six.", (6, 0),
                     id="an entire family of six is six"),
        pytest.param("Gunmen have shot and killed a Hazara man in the bazaar.", (1, 0),
                     id="a man named by his community is one person"),
        pytest.param("The toll of the raid was a killed guard and four wounded visitors.", (1, 4),
                     id="an outcome adjective after a determiner"),
        pytest.param("A trader was shot dead Sunday near the depot.", (1, 0), id="a day after 'shot dead' is no object"),
        pytest.param("Gunmen opened fire on two farmers near the well, killing them both.", (2, 0),
                     id="a plural pronoun takes its count's fate"),
        pytest.param("The bomber rammed the gate, detonating the truck and killing himself and wounding 9 guards.",
                     (1, 9), id="the attacker who killed himself is among the dead"),
        pytest.param("Along with a killed policeman, six others were wounded when the mine went off.", (1, 6),
                     id="an outcome adjective after 'along with' is that group's outcome"),
        pytest.param("Rebels shot dead a farmer and a village chief was badly injured.", (1, 1),
                     id="a conjunct with its own auxiliary has its own fate"),
        pytest.param("A 40-year-old woman and a 9-year-old girl were in stable condition after being wounded by "
                     "shrapnel.", (0, 2), id="'after being wounded' tells the main clause's subjects' fate"),
        pytest.param("Two medics attached to the NATO led mission in the north were wounded.", (0, 2),
                     id="a participle phrase after the victims is skipped to the verb"),
        pytest.param("A crowd tried to lynch two suspected thieves before police intervened.", (0, 0),
                     id="an attempted killing kills no one"),
        pytest.param("A driver tried to run over three soldiers at the junction, injuring them all.", (0, 3),
                     id="the outcome of an attempt told afterwards still counts"),
        pytest.param("Four fighters were killed, wounded or captured in the raid.", (0, 0),
                     id="a comma list of outcomes is one inseparable figure"),
        pytest.param("Students marched against the death of a classmate who died in police custody.", (0, 0),
                     id="a death protested against is the protest's cause"),
        pytest.param("Mourners gathered to honour two journalists who died in the shelling.", (0, 0),
                     id="people honoured are earlier victims"),
        pytest.param("Drivers blocked the road after a traffic accident killed a colleague.", (0, 0),
                     id="a road accident is no conflict death"),
        pytest.param("Residents demanded justice for a trader who was shot dead earlier this month.", (0, 0),
                     id="a death earlier this month belongs to another event"),
        pytest.param("A sniper killed one and two others were wounded near the bridge.", (1, 2),
                     id="'one and two others' are two counts, not three"),
        pytest.param("A guard shot dead at least five fellow guards and fled with their rifles.", (5, 0),
                     id="the shooter is not among the dead when the dead follow 'shot dead'"),
        pytest.param("The chairman of a village council was shot and killed outside his home.", (1, 0),
                     id="a council is no victim"),
        pytest.param("A former head of the water committee was found murdered near the canal.", (1, 0),
                     id="the head of a body is a person, found murdered"),
        pytest.param("At least 40 hostages were executed, 31 men and 9 women.", (40, 0),
                     id="a list after the verb that sums to the total is its breakdown"),
        pytest.param("Five soldiers were killed, 3 civilians and 2 police were injured.", (5, 5),
                     id="a list with its own verb is a second clause"),
    ],
)
def test_sentence_totals(pipeline, text, expected):
    assert _totals(pipeline, text) == expected

"""Behaviour of the rule-based ACLED event-type classifier on original sentences."""

from __future__ import annotations

import pytest

from sitrep.extract.taxonomy import (
    EVENT_TYPES,
    SUB_EVENT_TYPES,
    EventClass,
    classify_event,
    prepare_text,
)

BAT, EXP, VAC = "Battles", "Explosions/Remote violence", "Violence against civilians"
PRO, RIO, STR = "Protests", "Riots", "Strategic developments"

CASES = [
    pytest.param(
        "Unidentified gunmen assassinated an SDF member on the road south of the town.",
        BAT, "Armed clash", id="killing_a_member_of_an_armed_group_is_an_armed_clash",
    ),
    pytest.param(
        "Gunmen shot dead a member of the regime's 7th Division outside his home.",
        BAT, "Armed clash", id="killing_a_member_of_a_named_division_is_an_armed_clash",
    ),
    pytest.param(
        "Separatists shot and killed one ranger and wounded another near the village.",
        BAT, "Armed clash", id="killing_a_ranger_is_an_armed_clash",
    ),
    pytest.param(
        "A gunman opened fire on a crowd at an opposition rally, killing two and wounding 14.",
        VAC, "Attack", id="gunman_firing_on_a_rally_is_an_attack_not_a_protest",
    ),
    pytest.param(
        "Police fired at demonstrators in the capital, killing two protesters.",
        PRO, "Excessive force against protesters", id="police_firing_on_demonstrators_is_excessive_force",
    ),
    # Battles
    pytest.param(
        "Fighting broke out between the army and rebels near the river crossing on Tuesday.",
        BAT, "Armed clash", id="two_armed_groups_fighting_is_armed_clash",
    ),
    pytest.param(
        "Militants ambushed a police patrol outside the town, killing four officers.",
        BAT, "Armed clash", id="ambush_on_police_is_armed_clash_not_violence_against_civilians",
    ),
    pytest.param(
        "Two soldiers were shot dead by insurgents at a checkpoint north of the capital.",
        BAT, "Armed clash", id="passive_killing_of_soldiers_is_armed_clash",
    ),
    pytest.param(
        "Troops exchanged gunfire with bandits in the forest for two hours.",
        BAT, "Armed clash", id="exchange_of_gunfire_is_armed_clash",
    ),
    pytest.param(
        "Government troops recaptured the market town from the insurgents after a day of fighting.",
        BAT, "Government regains territory", id="state_forces_retaking_a_town_regain_territory",
    ),
    pytest.param(
        "Insurgents seized control of the district headquarters after overrunning the garrison.",
        BAT, "Non-state actor overtakes territory", id="insurgents_seizing_a_town_overtake_territory",
    ),
    pytest.param(
        "Rebels fired mortars at an army outpost, and the soldiers returned fire for an hour.",
        BAT, "Armed clash", id="shelling_answered_by_return_fire_is_armed_clash",
    ),
    pytest.param(
        "Five militants were killed by troops during a raid on their hideout in the hills.",
        BAT, "Armed clash", id="militants_killed_by_troops_passive_voice_is_armed_clash",
    ),
    pytest.param(
        "Officials said no one was hurt when gunmen fired on the army post overnight.",
        BAT, "Armed clash", id="negated_casualties_do_not_erase_the_attack_on_an_army_post",
    ),
    # Explosions / remote violence
    pytest.param(
        "A suicide bomber blew himself up at a crowded bus station, killing nine people.",
        EXP, "Suicide bomb", id="suicide_bombing_is_explosion_even_with_civilian_deaths",
    ),
    pytest.param(
        "The suicide attack on the army base left three soldiers dead.",
        EXP, "Suicide bomb", id="suicide_attack_wording_beats_attack_on_base",
    ),
    pytest.param(
        "Warplanes bombed a fuel depot held by the militia, according to local sources.",
        EXP, "Air/drone strike", id="warplanes_bombing_is_air_strike",
    ),
    pytest.param(
        "A drone strike hit a vehicle carrying two commanders of the armed group.",
        EXP, "Air/drone strike", id="drone_strike_is_air_strike",
    ),
    pytest.param(
        "Artillery shells landed on a residential quarter, wounding six civilians.",
        EXP, "Shelling/artillery/missile attack", id="shelling_that_wounds_civilians_is_still_explosion",
    ),
    pytest.param(
        "Separatist forces fired 82mm mortars at government positions near the village.",
        EXP, "Shelling/artillery/missile attack", id="mortar_fire_at_positions_is_shelling",
    ),
    pytest.param(
        "Government troops fired IFVs at rebel trenches near the river crossing.",
        EXP, "Shelling/artillery/missile attack", id="fire_from_infantry_fighting_vehicles_is_shelling",
    ),
    pytest.param(
        "Militants fired a RPG at an army post outside the town. No casualties were reported.",
        EXP, "Shelling/artillery/missile attack", id="a_single_rpg_is_shelling",
    ),
    pytest.param(
        "Rebels fired mortar shells and recoilless rifles at houses on the edge of the market.",
        EXP, "Shelling/artillery/missile attack", id="a_recoilless_rifle_is_not_a_hand_gun",
    ),
    pytest.param(
        "Mothers who say their sons have been abducted by the militia held a sit-in outside the governor's office.",
        PRO, "Peaceful protest", id="an_abduction_the_protesters_allege_is_their_topic",
    ),
    pytest.param(
        "In Rio Verde, Carabobo state, a group of neighbours clashed over water rationing. Two stalls were looted.",
        RIO, "Mob violence", id="a_state_in_a_place_name_is_no_state_actor",
    ),
    pytest.param(
        "Four members of the border guard police clashed with insurgents near the river. One officer was injured.",
        BAT, "Armed clash", id="members_of_a_police_force_are_no_crowd",
    ),
    pytest.param(
        "Three farmers were killed when their tractor struck a landmine near the border.",
        EXP, "Remote explosive/landmine/IED", id="landmine_killing_farmers_is_remote_explosive",
    ),
    pytest.param(
        "A roadside bomb exploded as an army convoy passed, injuring two soldiers.",
        EXP, "Remote explosive/landmine/IED", id="roadside_bomb_on_convoy_is_ied_not_clash",
    ),
    pytest.param(
        "Unknown assailants lobbed a hand grenade into a police station compound.",
        EXP, "Grenade", id="thrown_hand_grenade_is_grenade",
    ),
    pytest.param(
        "Residents reported a chlorine gas attack on the besieged suburb.",
        EXP, "Chemical weapon", id="chlorine_attack_is_chemical_weapon",
    ),
    # Violence against civilians
    pytest.param(
        "Gunmen stormed the village at dawn and shot dead five farmers.",
        VAC, "Attack", id="gunmen_killing_farmers_is_attack_on_civilians",
    ),
    pytest.param(
        "A schoolteacher was stabbed to death by unidentified attackers on her way home.",
        VAC, "Attack", id="passive_killing_of_a_civilian_is_attack",
    ),
    pytest.param(
        "The bound body of a young man was discovered beside the highway with gunshot wounds.",
        VAC, "Attack", id="body_found_with_signs_of_violence_is_attack",
    ),
    pytest.param(
        "An off-duty police officer was gunned down outside his house by two men on a motorbike.",
        VAC, "Attack", id="off_duty_officer_counts_as_civilian",
    ),
    pytest.param(
        "Armed men kidnapped a priest and two parishioners from the church compound.",
        VAC, "Abduction/forced disappearance", id="kidnapping_civilians_is_abduction",
    ),
    pytest.param(
        "Militia members abducted twelve travellers on the highway and demanded a ransom.",
        VAC, "Abduction/forced disappearance", id="abduction_with_ransom_demand_is_not_a_protest",
    ),
    pytest.param(
        "Soldiers raped two women during a search of the settlement.",
        VAC, "Sexual violence", id="rape_by_soldiers_is_sexual_violence",
    ),
    # Protests
    pytest.param(
        "Hundreds of nurses marched to the health ministry demanding unpaid salaries.",
        PRO, "Peaceful protest", id="march_with_demands_is_peaceful_protest",
    ),
    pytest.param(
        "Taxi drivers staged a sit-in outside the town hall over fuel prices. [size=around 50]",
        PRO, "Peaceful protest", id="size_boilerplate_does_not_change_peaceful_protest",
    ),
    pytest.param(
        "Students rallied on campus against tuition increases; no arrests or injuries were reported.",
        PRO, "Peaceful protest", id="negated_arrests_keep_protest_peaceful",
    ),
    pytest.param(
        "Residents protested against the killing of a local trader by robbers last week.",
        PRO, "Peaceful protest", id="violence_as_protest_topic_is_not_conduct",
    ),
    pytest.param(
        "Journalists demonstrated against the arrest of a colleague who was detained last week.",
        PRO, "Peaceful protest", id="arrest_as_protest_topic_is_not_intervention",
    ),
    pytest.param(
        "Police used tear gas to disperse traders demonstrating against the market closure.",
        PRO, "Protest with intervention", id="tear_gas_dispersal_is_protest_with_intervention",
    ),
    pytest.param(
        "Around forty activists held a vigil outside parliament; twelve of them were arrested by police.",
        PRO, "Protest with intervention", id="arrests_at_a_vigil_are_intervention",
    ),
    pytest.param(
        "Security forces opened fire on the protesters, killing two demonstrators.",
        PRO, "Excessive force against protesters", id="lethal_fire_on_protesters_is_excessive_force",
    ),
    # Riots
    pytest.param(
        "Youths burned tyres and threw stones at police during a protest over power cuts.",
        RIO, "Violent demonstration", id="burning_tyres_and_stones_make_violent_demonstration",
    ),
    pytest.param(
        "Demonstrators clashed with riot police and vandalised several shops in the centre.",
        RIO, "Violent demonstration", id="demonstrators_clashing_with_police_is_violent_demonstration",
    ),
    pytest.param(
        "Protesters gathered outside the station; riot police stood by and the crowd left peacefully.",
        PRO, "Peaceful protest", id="riot_police_present_is_not_a_riot",
    ),
    pytest.param(
        "An angry mob lynched a suspected cattle thief in the village square.",
        RIO, "Mob violence", id="lynching_by_mob_is_mob_violence",
    ),
    pytest.param(
        "Two groups of villagers clashed with sticks and stones over a boundary dispute, injuring six.",
        RIO, "Mob violence", id="unarmed_village_groups_clashing_is_mob_violence",
    ),
    pytest.param(
        "A health worker was beaten by a group of residents who accused him of spreading the virus.",
        RIO, "Mob violence", id="beating_by_group_of_residents_is_mob_violence",
    ),
    pytest.param(
        "Residents marched through the market over a rise in bread prices. The demonstrators then dragged a "
        "suspected thief from a shop and killed him.",
        RIO, "Mob violence", id="demonstrators_killing_a_man_is_mob_violence",
    ),
    # Strategic developments
    pytest.param(
        "Police arrested three opposition organisers at their homes in the capital overnight.",
        STR, "Arrests", id="arrests_by_police_are_strategic_arrests",
    ),
    pytest.param(
        "Bomb disposal experts defused an improvised explosive device found under a bridge.",
        STR, "Disrupted weapons use", id="defused_ied_is_disrupted_weapons_use",
    ),
    pytest.param(
        "Air defences intercepted a ballistic missile launched toward the city.",
        STR, "Disrupted weapons use", id="intercepted_missile_is_disrupted_weapons_use",
    ),
    pytest.param(
        "Soldiers discovered a cache of rifles and ammunition hidden in an abandoned farmhouse.",
        STR, "Disrupted weapons use", id="found_weapons_cache_is_disrupted_weapons_use",
    ),
    pytest.param(
        "Unknown arsonists set fire to a telecom mast overnight; nobody was hurt.",
        STR, "Looting/property destruction", id="arson_without_victims_is_property_destruction",
    ),
    pytest.param(
        "Raiders looted shops and carted away grain from the warehouse.",
        STR, "Looting/property destruction", id="looting_is_property_destruction",
    ),
    pytest.param(
        "The army deployed reinforcements and armoured vehicles to the northern front.",
        STR, "Change to group/activity", id="reinforcements_are_change_to_group_activity",
    ),
    pytest.param(
        "The rebel movement established a new base in the hills above the valley.",
        STR, "Headquarters or base established", id="new_base_is_headquarters_established",
    ),
    pytest.param(
        "The two armed factions signed a ceasefire agreement in the regional capital.",
        STR, "Agreement", id="signed_ceasefire_is_agreement",
    ),
    pytest.param(
        "The militia withdrew from the town and handed it over to the police without a fight.",
        STR, "Non-violent transfer of territory", id="handover_without_fighting_is_nonviolent_transfer",
    ),
    pytest.param(
        "Arrests: Security agents detained a journalist at the airport.",
        STR, "Arrests", id="leading_sub_event_label_is_honoured",
    ),
]


@pytest.mark.parametrize(("text", "event_type", "sub_event_type"), CASES)
def test_classifies_original_sentences(text: str, event_type: str, sub_event_type: str) -> None:
    assert classify_event(text) == EventClass(event_type, sub_event_type)


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("", id="empty_text"),
        pytest.param("The weather in the capital was mild and sunny this week.", id="weather_report"),
        pytest.param("The council approved the new school budget on Monday.", id="budget_news"),
    ],
)
def test_text_without_an_event_gives_none(text: str) -> None:
    assert classify_event(text) is None


@pytest.mark.parametrize(
    ("text", "outcomes", "expected"),
    [
        pytest.param(
            "Something happened to the two men near the well.",
            ("abducted",),
            EventClass(VAC, "Abduction/forced disappearance"),
            id="abducted_outcome_breaks_a_tie_when_text_names_no_act",
        ),
        pytest.param(
            "Something happened to the two men near the well.",
            ("killed",),
            EventClass(VAC, "Attack"),
            id="killed_outcome_breaks_a_tie_when_text_names_no_act",
        ),
        pytest.param(
            "Jets struck the depot.",
            ("killed",),
            EventClass(EXP, "Air/drone strike"),
            id="outcomes_do_not_override_a_named_act",
        ),
    ],
)
def test_outcomes_only_break_ties(text: str, outcomes: tuple[str, ...], expected: EventClass) -> None:
    assert classify_event(text, outcomes=outcomes) == expected


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        pytest.param("Gunmen attacked the village. 3 fatalities.", "fatalities", id="trailing_fatality_count"),
        pytest.param("Clashes erupted. Unclear fatalities coded as 10.", "coded", id="coded_as_note"),
        pytest.param("People marched. [size=no report]", "size", id="size_tag"),
        pytest.param("No one was killed in the blast.", "killed", id="negated_outcome"),
        pytest.param("The gang threatened to kill the witness.", "kill", id="threat_is_not_an_act"),
        pytest.param("The raid did not result in any casualties.", "casualties", id="did_not_result_in"),
    ],
)
def test_prepare_text_removes_boilerplate_and_negated_outcomes(text: str, absent: str) -> None:
    assert absent not in prepare_text(text).text


def test_event_class_rejects_strings_outside_the_taxonomy() -> None:
    with pytest.raises(ValueError):
        EventClass("Battles", "Peaceful protest")


def test_taxonomy_lists_six_event_types_and_their_sub_types() -> None:
    assert len(EVENT_TYPES) == 6
    assert sum(len(subs) for subs in SUB_EVENT_TYPES.values()) == 25

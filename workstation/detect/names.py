"""Packaged lists of common US given names and surnames (public-domain style frequency
lists, typed in here so nothing is fetched). Used to recase ALL-CAPS / lower-case text
and to accept a lower-case word as a name after a title ("sgt hunter")."""

from __future__ import annotations

_GIVEN = """
aaron abby abigail adam adrian aidan aiden alan albert alex alexa alexander alexis alfred
alice alicia alison allen allison alma alvin amanda amber amelia amy ana andre andrea andres
andrew andy angel angela angelica angie anita ann anna anne annie anthony antonio april
archie armando arnold arthur ashley aubrey audrey austin ava avery bailey barbara barry beau
becky ben benjamin bernard beth betty beverly bill billy blake bob bobby bonnie brad bradley
brady brandon brandy brenda brent brett brian brianna bridget britney brittany brooke bruce
bryan bryce caleb calvin cameron camila carl carla carlos carmen carol caroline carrie carter
casey cassandra catherine cecilia cedric chad charlene charles charlie charlotte chase chelsea
cheryl chloe chris christian christina christine christopher chuck cindy claire clara
clarence claudia clay clayton clint clinton cody cole colin colleen connie connor cora corey
courtney craig crystal curtis cynthia daisy dakota dale dallas dalton damian dan dana daniel
danielle danny darius darlene darnell darren darryl dave david dawn dean deanna debbie deborah
debra deja delores denise dennis derek derrick desiree destiny devin diana diane dianne dominic
don donald donna donnie doris dorothy doug douglas drew duane dustin dwayne dylan earl ed eddie
edgar edith eduardo edward edwin eileen elaine eleanor elena eli elias elijah elizabeth ella
ellen ellie emily emma emmanuel enrique eric erica erik erika erin ernest esther ethan eugene
eva evan evelyn faith felicia felix fernando frances francis francisco frank frankie fred
freddie frederick gabriel gabriela gabrielle gail gary gavin gene george georgia gerald gina
glen glenda glenn gloria gordon grace graham grant greg gregory gretchen guadalupe gus gwen
hailey haley hank hannah harold harper harry harvey hazel heather hector heidi helen henry
herbert herman holly hope howard hugh hunter ian irene isaac isabel isabella isaiah ivan jack
jackie jackson jacob jacqueline jade jaime jake jamal james jamie jan jane janet janice jared
jasmine jason javier jay jean jeff jeffery jeffrey jenna jennifer jenny jeremiah jeremy jerome
jerry jesse jessica jesus jill jim jimmy jo joan joann joanna joe joel joey john johnny jon
jonathan jordan jorge jose joseph josephine josh joshua josue joy joyce juan juanita judith
judy julia julian julie june justin kaitlyn karen karl kate katelyn katherine kathleen kathryn
kathy katie katrina kay kayla keith kelly kelsey ken kendra kenneth kenny kerry kevin kim
kimberly kirk kristen kristin kristina kurt kyle lacey lance larry latisha laura lauren laurie
lawrence leah lee leon leonard leroy leslie levi lewis liam lillian lily linda lindsay lindsey
lisa logan lois lonnie lori lorraine louis louise lucas lucille lucy luis luke luz lydia lynn
mackenzie madison maggie malik mandy manuel marc marcia marco marcus margaret maria marian
marie marilyn mario marion marjorie mark marlene marsha marshall martha martin marvin mary
mason matt matthew maureen max maxine megan meghan melanie melinda melissa melvin mercedes
mia micah michael michele michelle miguel mike mildred miles milton mindy miranda misty mitchell
molly monica monique morgan nancy naomi natalie nathan nathaniel neil nelson nicholas nick
nicole nina noah noel nora norma norman oliver olivia omar oscar owen paige pam pamela parker
pat patricia patrick patsy paul paula pauline pedro peggy penny percy peter phil philip
phillip phyllis preston priscilla rachel rafael ralph ramon randall randy raquel raul ray
raymond reagan rebecca reese regina reggie reginald rene renee rex rhonda ricardo rick ricky
riley rita rob robert roberta roberto robin rochelle rodney roger roland ron ronald ronnie
rosa rose rosemary ross roxanne roy ruben ruby russell ruth ryan sabrina sally sam samantha
samuel sandra sandy sara sarah savannah scott sean selena sergio seth shane shannon sharon
shawn sheila shelby shelly sherri sherry shirley sidney sierra simon skylar sofia sonia sophia
spencer stacey stacy stanley stella stephanie stephen steve steven stuart sue summer susan
suzanne sydney sylvia tamara tami tammy tanya tara taylor ted teresa terrance terrence terri
terry thelma theodore theresa thomas tiffany tim timothy tina todd tom tommy toni tony tonya
tracey traci tracy travis trent trevor trey tricia trina troy tyler tyrone valerie vanessa
vera vernon veronica vicki vickie victor victoria vincent violet virginia vivian wade wallace
walter wanda warren wayne wendy wesley whitney will william willie wilma xavier yolanda yvonne
zachary zach zoe
"""

_SURNAMES = """
adams alexander allen alvarez anderson bailey baker barnes bell bennett brooks brown bryant
butler campbell carter castillo chavez clark coleman collins cook cooper cox cruz davis diaz
edwards evans fisher flores foster garcia gomez gonzales gonzalez gray green griffin gutierrez
hall hamilton harris hayes henderson hernandez hill howard hughes jackson james jenkins
jimenez johnson jones kelly kim king lee lewis long lopez martin martinez mendoza meyer miller
mitchell moore morales morgan morris murphy myers nelson nguyen ortiz parker patel patterson
perez perry peterson phillips powell price ramirez ramos reed reyes reynolds richardson rivera
roberts robinson rodriguez rogers ross russell sanchez sanders scott simmons smith stewart
sullivan taylor thomas thompson torres turner walker ward washington watson white williams
wilson wood wright young kowalski oneill o'neill mcallister mcdonald murray obrien o'brien
schmidt schneider novak nowak kaminski wojcik dubois fontaine larsen olsen hansen jensen
petersen yamamoto tanaka chen wang li zhang liu singh kaur shah khan ali hassan ibrahim
okafor okonkwo mensah boateng delgado vargas romero herrera medina aguilar silva castro
"""

GIVEN_NAMES: frozenset[str] = frozenset(_GIVEN.split())
SURNAMES: frozenset[str] = frozenset(_SURNAMES.split())
ALL_NAMES: frozenset[str] = GIVEN_NAMES | SURNAMES

# Names that are also everyday words: in text without normal casing they are only
# taken for names next to a title or another name ("sgt hunter", "grace smith").
COMMON_WORD_NAMES: frozenset[str] = frozenset(
    """
    will mark bill chase rose hope faith joy summer dawn june pat ray jack sandy dale glen
    dean drew jo jan kay max miles wade gene rex lance grant clay ruby jade hunter grace art
    frank rob sue bob don ed guy jean ken lily violet hazel april may paige pearl penny
    sterling amber crystal destiny misty holly heather robin autumn carter mason parker
    taylor cooper baker hill wood young long white brown green gray king bell price rich
    page lane banks marsh church hall ward cook fisher reed perry ross skylar savannah
    sierra dakota georgia virginia carol angel christian august major
    """.split()
)

"""The programme's year on screen: recording payments, BPJS's invoice against Jaring's
figures, next year's renewal list, the year's target and budget, and participants' life
events (`app.programme_year`)."""

"""The calculator screens by key and title, known without loading them (they load when opened)."""

CALCULATORS = {
    "estate-tax": "Federal estate tax",
    "qprt": "QPRT gift and term sweep",
    "qdot-tax": "QDOT tax (Form 706-QDT)",
    "qdot-deferral": "QDOT deferral projection",
    "qdot-compare": "QDOT routes over both deaths",
    "qdot-due-date": "QDOT due dates",
}

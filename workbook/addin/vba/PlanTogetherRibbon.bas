Attribute VB_Name = "PlanTogetherRibbon"
' Plan Together XL (ptxl): callbacks of the "Plan Together" ribbon tab
' (workbook/addin/customUI.xml). Labels and tips follow the Office interface
' language (PT_Text); the buttons run the same macros as the .xlsm fallback.
Option Explicit

Public Sub PT_GetLabel(control As IRibbonControl, ByRef returnedVal)
    returnedVal = PT_Text(control.ID)
End Sub

Public Sub PT_GetSupertip(control As IRibbonControl, ByRef returnedVal)
    returnedVal = PT_Text(control.ID & ".tip")
End Sub

Public Sub PT_OnValidate(control As IRibbonControl)
    PT_Validate
End Sub

Public Sub PT_OnRefresh(control As IRibbonControl)
    PT_Refresh
End Sub

Public Sub PT_OnDocuments(control As IRibbonControl)
    PT_Documents
End Sub

Public Sub PT_OnHelp(control As IRibbonControl)
    PT_Help
End Sub

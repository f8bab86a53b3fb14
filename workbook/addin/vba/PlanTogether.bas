Attribute VB_Name = "PlanTogether"
' Plan Together XL (ptxl): the macros behind the Plan Together buttons.
'
' Each button starts one Python entry point of ptxl.excel through xlwings'
' RunPython (module "xlwings", BSD licence, as shipped by xlwings). Python does
' the work and reports in Excel (status bar, then a short message). This module
' only checks first that Python is configured on this computer, so that a
' computer without it gets a plain message instead of an error window.
' Shared by the add-in (ptxl.xlam, ribbon tab) and the .xlsm fallback (buttons
' on the home sheet). Source of truth: workbook/addin/vba/ in the ptxl repository.
Option Explicit

Public Sub PT_Validate()
    If PT_Ready() Then PT_Run "import ptxl.excel; ptxl.excel.validate()"
End Sub

Public Sub PT_Refresh()
    If PT_Ready() Then PT_Run "import ptxl.excel; ptxl.excel.refresh()"
End Sub

Public Sub PT_Documents()
    If PT_Ready() Then PT_Run "import ptxl.excel; ptxl.excel.generate_documents()"
End Sub

Public Sub PT_Help()
    ' Pure VBA, so that it works even when Python is missing: go to the home
    ' sheet of a Plan Together workbook, then say what the buttons do and which
    ' Python this computer uses.
    Dim interpreter As String, where As String
    If PT_IsPlanTogether(ActiveWorkbook) Then ActiveWorkbook.Worksheets(1).Activate
    interpreter = PT_Interpreter()
    If interpreter = "" Then
        where = PT_Text("help.no_python")
    Else
        where = interpreter
    End If
    MsgBox PT_Text("help.body") & vbLf & vbLf & PT_Text("help.footer") & vbLf & vbLf & _
           PT_Text("help.python") & " " & where, vbInformation, PT_Text("help.title")
End Sub

Private Sub PT_Run(pythonCommand As String)
    Application.StatusBar = PT_Text("status.starting")
    ' RunPython gives -1 when Python could not run at all (it then shows the log).
    If RunPython(pythonCommand) = -1 Then Application.StatusBar = False
End Sub

Private Function PT_Ready() As Boolean
    Dim interpreter As String
    If ActiveWorkbook Is Nothing Then
        MsgBox PT_Text("msg.no_workbook"), vbExclamation, "Plan Together"
        Exit Function
    End If
    interpreter = PT_Interpreter()
    If interpreter = "" Then
        MsgBox PT_Text("msg.not_installed"), vbExclamation, "Plan Together"
        Exit Function
    End If
    #If Not Mac Then
        ' On the Mac, Excel's sandbox cannot see the interpreter's folder.
        If Not FileExists(interpreter) Then
            MsgBox PT_Text("msg.not_installed") & vbLf & vbLf & interpreter, vbExclamation, "Plan Together"
            Exit Function
        End If
    #End If
    PT_Ready = True
End Function

Public Function PT_Interpreter() As String
    ' The interpreter "ptxl excel install" wrote into the user's ptxl.conf
    ' (xlwings' GetConfig: PROJECT_NAME is "ptxl").
    #If Mac Then
        PT_Interpreter = GetConfig("INTERPRETER_MAC", "")
    #Else
        PT_Interpreter = GetConfig("INTERPRETER_WIN", "")
    #End If
    If PT_Interpreter = "" Then PT_Interpreter = GetConfig("INTERPRETER", "")
End Function

Private Function PT_IsPlanTogether(wb As Workbook) As Boolean
    ' A Plan Together workbook holds the settings table tblSettings.
    Dim sht As Worksheet, lo As ListObject
    If wb Is Nothing Then Exit Function
    For Each sht In wb.Worksheets
        For Each lo In sht.ListObjects
            If lo.Name = "tblSettings" Then
                PT_IsPlanTogether = True
                Exit Function
            End If
        Next lo
    Next sht
End Function

Public Function PT_Lang() As String
    ' The Office interface language: fr, nl or en (French otherwise, and on a
    ' Mac where LanguageSettings is not available).
    Dim id As Long
    On Error Resume Next
    id = Application.LanguageSettings.LanguageID(2) ' msoLanguageIDUI
    On Error GoTo 0
    Select Case id And &H3FF
        Case &H13
            PT_Lang = "nl"
        Case &H9
            PT_Lang = "en"
        Case Else
            PT_Lang = "fr"
    End Select
End Function

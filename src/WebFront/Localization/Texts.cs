using HospitalOrleans.Domain.Billing;
using HospitalOrleans.Domain.Patients;
using HospitalOrleans.Domain.Time;

namespace HospitalOrleans.WebFront.Localization;

/// <summary>
/// Every string a person reads on the pages, in one language. <see cref="Chinese"/> and
/// <see cref="English"/> each fill all of them: a string missing from one language is a compile error.
/// </summary>
public sealed record Texts
{
    public static Texts Chinese => ChineseTexts.Instance;
    public static Texts English => EnglishTexts.Instance;

    public required string HtmlLang { get; init; }
    public required bool IsEnglish { get; init; }
    /// <summary>Monday first is not assumed: indexed by <see cref="DayOfWeek"/>.</summary>
    public required string[] Weekdays { get; init; }
    public required Func<DateOnly, string, string> DayFormat { get; init; }

    // Layout
    public required string HospitalName { get; init; }
    public required string HospitalShortName { get; init; }
    public required string OtherLanguage { get; init; }
    public required string CareModeOn { get; init; }
    public required string CareModeOff { get; init; }
    public required string NavBook { get; init; }
    public required string NavMyBookings { get; init; }
    public required string NavClerk { get; init; }
    public required string NavBoard { get; init; }
    public required string SignIn { get; init; }
    public required string SignOut { get; init; }
    public required string DemoBadge { get; init; }
    public required string Back { get; init; }

    // Common words
    public required string Morning { get; init; }
    public required string Afternoon { get; init; }
    public required string Department { get; init; }
    public required string Doctor { get; init; }
    public required string Date { get; init; }
    public required string Session { get; init; }
    public required string Period { get; init; }
    public required string Place { get; init; }
    public required string Fee { get; init; }
    public required string Serial { get; init; }
    public required string Status { get; init; }
    public required string PatientId { get; init; }
    public required string Channel { get; init; }
    public required string ChannelOnline { get; init; }
    public required string ChannelWindow { get; init; }
    public required string StatusHeld { get; init; }
    public required string StatusConfirmed { get; init; }
    public required string StatusCancelled { get; init; }
    public required string StatusExpired { get; init; }
    public required string Famous { get; init; }
    public required Func<int, string> SerialNumber { get; init; }

    // Outcomes: kind, plain, and each says that nothing changed where that matters.
    public required string SoldOut { get; init; }
    public required string AlreadyBooked { get; init; }
    public required string WindowSoldOut { get; init; }
    public required string PatientHasNumber { get; init; }
    public required Func<string, string> NotReleased { get; init; }
    public required string NotReleasedNoTime { get; init; }
    public required string BookingClosed { get; init; }
    public required string DrawClosed { get; init; }
    public required string CancelClosed { get; init; }
    public required string RatioClosed { get; init; }
    public required string NotLive { get; init; }
    public required string RequestIdReused { get; init; }
    public required string UnknownPeriod { get; init; }
    public required string Invalid { get; init; }
    public required string UnknownPool { get; init; }
    public required string UnknownBooking { get; init; }
    public required string UnknownDepartment { get; init; }
    public required string UnknownDoctor { get; init; }
    public required string Unavailable { get; init; }

    // Status pages
    public required string ErrorTitle { get; init; }
    public required string PageNotFound { get; init; }
    public required string FormExpired { get; init; }
    public required string TooManyRequests { get; init; }
    public required string ServerError { get; init; }
    public required string BackHome { get; init; }
    /// <summary>The request id under a failure, to read out to the service desk.</summary>
    public required string ReferenceForSupport { get; init; }

    // Sign-in
    public required string SignInTitle { get; init; }
    public required string StaffSignIn { get; init; }
    public required string UserName { get; init; }
    public required string Password { get; init; }
    public required string SignInButton { get; init; }
    public required string SignInFailed { get; init; }
    public required string UserNameRequired { get; init; }
    public required string PasswordRequired { get; init; }
    public required string PatientSignInDemo { get; init; }
    public required string PatientSignInHint { get; init; }
    public required string PatientSignInButton { get; init; }
    public required string PatientIdInvalid { get; init; }
    public required string AccessDenied { get; init; }
    public required Func<string, string> SignedInAs { get; init; }

    // Patient pages
    public required string HomeTitle { get; init; }
    public required Func<int, string, string, string> ReleaseRule { get; init; }
    public required string DoctorsTitle { get; init; }
    public required string Specialty { get; init; }
    public required string NoDoctors { get; init; }
    public required string SessionsTitle { get; init; }
    public required string NoSessions { get; init; }
    public required Func<int, string> OnlineLeft { get; init; }
    public required string SoldOutShort { get; init; }
    public required Func<string, string> ReleasesAt { get; init; }
    public required string OnlineClosedShort { get; init; }
    public required string ChoosePeriod { get; init; }
    public required string Book { get; init; }
    public required string OnlineClosedNotice { get; init; }
    public required string SignInToBook { get; init; }
    public required string PatientOnly { get; init; }
    public required string BookedTitle { get; init; }
    public required string BookingTitle { get; init; }
    public required Func<string, string> PayBy { get; init; }
    public required string PaidNote { get; init; }
    public required string MyBookingsTitle { get; init; }
    public required string NoBookings { get; init; }
    public required string CancelBooking { get; init; }
    public required string ConfirmCancel { get; init; }
    public required string Cancelled { get; init; }
    public required string PayByLabel { get; init; }

    // Clerk pages
    public required string ClerkTitle { get; init; }
    public required string AllDepartments { get; init; }
    public required string Show { get; init; }
    public required string WindowLeft { get; init; }
    public required string OnlineLeftLabel { get; init; }
    public required string Draw { get; init; }
    public required string Queue { get; init; }
    public required string NoPools { get; init; }
    public required string DateOutOfRange { get; init; }
    public required string TicketTitle { get; init; }
    public required string Print { get; init; }
    public required Func<string, string, string> TicketArrive { get; init; }
    public required string QueueTitle { get; init; }
    public required string NoQueue { get; init; }
    public required string CancelShort { get; init; }
    public required Func<int, string> ClerkCancelled { get; init; }

    // Operations board
    public required string BoardTitle { get; init; }
    public required string Online { get; init; }
    public required string Window { get; init; }
    public required string OnlinePercent { get; init; }
    public required string OnlineClosedBadge { get; init; }
    public required string LiveHint { get; init; }
    public required string ChangeRatio { get; init; }
    public required string PercentLabel { get; init; }
    public required string Reason { get; init; }
    public required string Apply { get; init; }
    public required string PercentInvalid { get; init; }
    public required string ReasonRequired { get; init; }
    public required Func<string, int, int, int, string> RatioChanged { get; init; }
    public required string BulkTitle { get; init; }
    public required string From { get; init; }
    public required string To { get; init; }
    public required string DepartmentRequired { get; init; }
    public required string RangeInvalid { get; init; }
    public required Func<int, int, string> BulkChanged { get; init; }
    public required string EarlierDays { get; init; }
    public required string LaterDays { get; init; }

    // Operations board: the machines
    public required string SystemStatus { get; init; }
    public required string AllMachinesUp { get; init; }
    public required string MachinesNeedLook { get; init; }
    public required Func<int, int, int, int, string> MachinesSummary { get; init; }
    public required string SiloKind { get; init; }
    public required string FrontKind { get; init; }
    public required string MachineName { get; init; }
    public required string MachineAddress { get; init; }
    public required string MachineStateHeader { get; init; }
    public required string StartedAtHeader { get; init; }
    public required string LastSeenHeader { get; init; }
    public required string MachineUp { get; init; }
    public required string MachineStarting { get; init; }
    public required string MachineStopping { get; init; }
    public required string MachineStopped { get; init; }
    public required string MachineDown { get; init; }
    public required string OrleansDashboard { get; init; }

    /// <summary>"地点：" or "Place: ".</summary>
    public string Label(string name) => IsEnglish ? $"{name}: " : $"{name}：";

    public string SessionName(string code) => code == "AM" ? Morning : Afternoon;

    public string MachineStateName(Domain.Operations.MachineState state) => state switch
    {
        Domain.Operations.MachineState.Up => MachineUp,
        Domain.Operations.MachineState.Starting => MachineStarting,
        Domain.Operations.MachineState.Stopping => MachineStopping,
        Domain.Operations.MachineState.Stopped => MachineStopped,
        _ => MachineDown,
    };

    public string Day(DateOnly date) => DayFormat(date, Weekdays[(int)date.DayOfWeek]);

    /// <summary>A moment as the hospital's wall clock shows it, with its day: "12月3日 周三 07:00".</summary>
    public string When(DateTimeOffset instant) =>
        $"{Day(DateOnly.FromDateTime(HospitalTime.ToLocal(instant).DateTime))} {Format.Time(instant)}";

    public string Name(string chinese, string english) => IsEnglish && !string.IsNullOrEmpty(english) ? english : chinese;

    public string StatusName(string status) => status switch
    {
        "held" => StatusHeld,
        "confirmed" => StatusConfirmed,
        "cancelled" => StatusCancelled,
        "expired" => StatusExpired,
        "noshow" => StatusNoShow,
        _ => status,
    };

    public string ChannelName(string channel) => channel == "window" ? ChannelWindow : ChannelOnline;

    // WeChat
    public required string WeChatSignIn { get; init; }
    public required string WeChatSignInHint { get; init; }
    public required string WeChatSignInState { get; init; }
    public required string WeChatSignInRefused { get; init; }
    public required string WeChatSignInExpired { get; init; }
    public required string WeChatSignInFailed { get; init; }
    public required string NavWeChat { get; init; }
    public required string MenuTitle { get; init; }
    public required string MenuRules { get; init; }
    public required string MenuEdit { get; init; }
    public required string MenuTopItem { get; init; }
    public required string MenuSubItems { get; init; }
    public required string MenuSubItem { get; init; }
    public required string MenuName { get; init; }
    public required string MenuType { get; init; }
    public required string MenuValue { get; init; }
    public required string MenuTypeNone { get; init; }
    public required string MenuSave { get; init; }
    public required string MenuSaved { get; init; }
    public required string MenuVersions { get; init; }
    public required string MenuPublishedBadge { get; init; }
    public required string MenuPublish { get; init; }
    public required string MenuRollback { get; init; }
    public required string MenuPublishedNotice { get; init; }
    public required string MenuPreview { get; init; }
    public required string MenuNoVersions { get; init; }
    public required string DoctorCodesTitle { get; init; }
    public required string DoctorCodesHint { get; init; }
    public required string DoctorCodeFailed { get; init; }
    public required Func<string, string, string> MenuFault { get; init; }
    public required Func<int, string> MenuVersionLabel { get; init; }
    /// <summary>The plain-language message for a menu fault kind (null: none, the rule's own text is shown).</summary>
    public required Func<string, string?> MenuFaultMessage { get; init; }
    /// <summary>A menu field's name (name, url, key…) as shown to the operator.</summary>
    public required Func<string, string> MenuFieldName { get; init; }
    public required Func<string, string> MenuPublishFailed { get; init; }
    public required string MenuRowUnused { get; init; }

    // Family members (就诊人): an account's patient cards
    public required string NavPatients { get; init; }
    public required string MyPatientsTitle { get; init; }
    /// <summary>How many patients the account manages, of the most it may.</summary>
    public required Func<int, int, string> PatientsCount { get; init; }
    public required string NoPatients { get; init; }
    public required string BindFirstNotice { get; init; }
    public required string WeChatOnlyCards { get; init; }
    public required string OutpatientNumber { get; init; }
    public required string RelationshipLabel { get; init; }
    public required string PersonName { get; init; }
    public required string DocumentLabel { get; init; }
    public required string DocumentTypeLabel { get; init; }
    public required string DocumentNumber { get; init; }
    public required string Phone { get; init; }
    public required string DefaultBadge { get; init; }
    public required string CurrentBadge { get; init; }
    public required string ChildBadge { get; init; }
    public required string ActAs { get; init; }
    public required string SetDefault { get; init; }
    public required string Unbind { get; init; }
    public required string ConfirmUnbind { get; init; }
    public required Func<string, string> ActingFor { get; init; }
    public required string DefaultSet { get; init; }
    public required string Unbound { get; init; }
    public required string UnknownPatient { get; init; }
    public required Func<int, string> PatientsFull { get; init; }
    public required string PrivacyNote { get; init; }
    public required string BindTitle { get; init; }
    public required string BindHint { get; init; }
    public required string MakeDefault { get; init; }
    public required string BindButton { get; init; }
    public required Func<string, string> BoundNotice { get; init; }
    public required string ChooseNumberTitle { get; init; }
    public required string ChooseNumberHint { get; init; }
    public required string UseNumber { get; init; }
    public required string ChooseNumberRequired { get; init; }
    public required string StartOver { get; init; }
    public required string ChildTitle { get; init; }
    public required string ChildHint { get; init; }
    public required string BirthDate { get; init; }
    public required string Sex { get; init; }
    public required string Male { get; init; }
    public required string Female { get; init; }
    public required string Guardian { get; init; }
    public required string GuardianNeeded { get; init; }
    public required string BindChildButton { get; init; }
    public required Func<string, string> GuardianOf { get; init; }
    public required string BookingForLabel { get; init; }
    public required string SwitchPatient { get; init; }
    public required string BindCardFirst { get; init; }
    public required string BindCardButton { get; init; }
    public required Func<string, string> BookingsOf { get; init; }
    public required string BookingNumber { get; init; }

    // Fairness: why a patient may not book this one; each says what is still possible.
    public required string DoctorDayTaken { get; init; }
    public required string DepartmentSessionTaken { get; init; }
    public required string WeeklyCapReached { get; init; }
    public required string MonthlyCapReached { get; init; }
    public required string PatientDoctorDayTaken { get; init; }
    public required string PatientDepartmentSessionTaken { get; init; }
    /// <summary>Online booking suspended after no-shows, until the date given (<see cref="LongDate"/>).</summary>
    public required Func<string, string> Suspended { get; init; }
    public required string SuspendedNoDate { get; init; }
    public required Func<DateOnly, string> LongDateFormat { get; init; }

    // Check-in: clerk's queue and the kiosk
    public required string StatusNoShow { get; init; }
    public required string CheckIn { get; init; }
    public required Func<string, string> CheckedInAt { get; init; }
    public required Func<int, string> ClerkCheckedIn { get; init; }
    public required string CheckInClosed { get; init; }
    public required string CheckInNotLive { get; init; }
    public required string KioskTitle { get; init; }
    public required string KioskHint { get; init; }
    public required string KioskButton { get; init; }
    public required string KioskCheckedIn { get; init; }
    public required string KioskUnknown { get; init; }
    public required string KioskInputRequired { get; init; }
    public required string KioskNext { get; init; }

    // Clerk: patients
    public required string NavPatientLookup { get; init; }
    public required string PatientLookupTitle { get; init; }
    public required string LookupLabel { get; init; }
    public required string LookupRequired { get; init; }
    public required string NoMatches { get; init; }
    public required Func<int, string> MatchesCount { get; init; }
    public required string RegisterTitle { get; init; }
    public required string RegisterHint { get; init; }
    public required string RegisterButton { get; init; }
    public required Func<string, string> RegisteredNew { get; init; }
    public required string AlreadyRegistered { get; init; }
    public required string PatientTitle { get; init; }
    public required string UnknownPatientCard { get; init; }
    public required string SourceLabel { get; init; }
    public required Func<string, string> SourceName { get; init; }
    public required string RecordTitle { get; init; }
    public required string NoShowsLabel { get; init; }
    public required string NoNoShows { get; init; }
    public required Func<string, string, string> SuspendedUntil { get; init; }
    public required string NotSuspended { get; init; }
    public required string LiftTitle { get; init; }
    public required string LiftButton { get; init; }
    public required string Lifted { get; init; }
    public required string NotSuspendedNow { get; init; }
    public required string LiftsLabel { get; init; }
    public required string LiveBookingsLabel { get; init; }
    public required string AuditLabel { get; init; }
    public required string NoneYet { get; init; }
    public required string RevealTitle { get; init; }
    public required string RevealHint { get; init; }
    public required string RevealButton { get; init; }
    public required string RevealedNote { get; init; }
    public required string AuditedReasonRequired { get; init; }
    public required string DrawForPatient { get; init; }
    public required Func<string, string, string> DrawingFor { get; init; }
    public required string RecentBookings { get; init; }

    // Money (issue 5): bills, paying with WeChat Pay, refunds, the window's till, finance
    public required string NavBills { get; init; }
    public required string NavTill { get; init; }
    public required string NavFinance { get; init; }
    public required string MyBillsTitle { get; init; }
    public required Func<string, string> BillsOf { get; init; }
    public required string NoBills { get; init; }
    public required string BillTitle { get; init; }
    public required string BillNumber { get; init; }
    public required string BillSource { get; init; }
    public required string BillItems { get; init; }
    public required string Quantity { get; init; }
    public required string Total { get; init; }
    public required string IssuedAt { get; init; }
    public required string PaymentsLabel { get; init; }
    public required string RefundsLabel { get; init; }
    public required string RefundReason { get; init; }
    public required string Fapiao { get; init; }
    public required string UnknownBill { get; init; }
    public required Func<InvoiceSource, string> BillSourceName { get; init; }
    public required Func<InvoiceStatus, string> BillStatusName { get; init; }
    public required Func<PaymentChannel, string> PaymentChannelName { get; init; }
    public required Func<RefundState, string> RefundStateName { get; init; }
    /// <summary>Money that came in and went straight back: paid twice, or after the number was released.</summary>
    public required Func<PaymentDisposition, string?> SurplusNote { get; init; }
    /// <summary>"¥30.00 · 微信支付 · 12月3日 周三 09:12".</summary>
    public required Func<string, string, string, string> PaymentLine { get; init; }
    public required Func<string, string> RefundToward { get; init; }

    // The result page: where the patient lands after paying
    public required string ResultPaid { get; init; }
    public required string ResultPaying { get; init; }
    public required string ResultPayingHint { get; init; }
    public required string ResultUnpaid { get; init; }
    public required string ResultClosed { get; init; }
    public required string ResultRefundPending { get; init; }
    public required string ResultRefundPendingHint { get; init; }
    public required string ResultRefunded { get; init; }
    public required string ResultPartlyRefunded { get; init; }
    public required string Refresh { get; init; }
    public required string ViewBill { get; init; }
    public required string ViewBooking { get; init; }

    // Checkout
    public required string CheckoutTitle { get; init; }
    public required Func<string, string> PayAmount { get; init; }
    public required string PayWithWeChat { get; init; }
    public required string OpenInWeChat { get; init; }
    public required string PayCancelled { get; init; }
    public required string PayFailed { get; init; }
    public required string AlreadyPaid { get; init; }

    // Cancelling a paid booking
    public required string RefundRuleLabel { get; init; }
    public required Func<string, string> ConfirmCancelPaid { get; init; }

    // Scan to pay (the consultation room's QR code)
    public required string ScanPayTitle { get; init; }
    public required string BillTokenInvalid { get; init; }
    public required string BillTokenExpired { get; init; }

    // The window's till
    public required string TillTitle { get; init; }
    public required string TillLookupLabel { get; init; }
    public required string TillLookupRequired { get; init; }
    public required string TillLookupHint { get; init; }
    public required string TakePaymentTitle { get; init; }
    public required string PayChannelLabel { get; init; }
    public required string ReceiptNoLabel { get; init; }
    public required string ReceiptNoInvalid { get; init; }
    public required string AmountYuanLabel { get; init; }
    public required string AmountInvalid { get; init; }
    public required string TakePaymentButton { get; init; }
    public required string WindowRefundTitle { get; init; }
    public required string FapiaoNumberLabel { get; init; }
    public required string FapiaoReturnHint { get; init; }
    public required string RefundButton { get; init; }
    public required string RefundReasonRequired { get; init; }
    public required string IssueFapiaoTitle { get; init; }
    public required string IssueFapiaoButton { get; init; }
    public required string FapiaoNumberRequired { get; init; }
    public required string CancelBookingAtWindowTitle { get; init; }
    public required string CancelBookingAtWindowHint { get; init; }
    public required string PrintReceipt { get; init; }
    public required string ReceiptTitle { get; init; }
    public required string Clerk { get; init; }
    public required Func<string, string, string> PrintedBy { get; init; }
    public required string NothingMovedYet { get; init; }

    // The consultation room: the doctor issues a bill and shows its QR code
    public required string NavDoctorBills { get; init; }
    public required string DoctorBillsTitle { get; init; }
    public required string DoctorBillsHint { get; init; }
    public required string CheckPatient { get; init; }
    public required string CommonItemsLabel { get; init; }
    public required string ItemCode { get; init; }
    public required string ItemName { get; init; }
    public required string UnitPriceYuan { get; init; }
    public required Func<int, string> ItemRowLegend { get; init; }
    public required Func<int, string> RemoveItemRow { get; init; }
    public required Func<int, string> MoreItemRows { get; init; }
    public required string IssueBillButton { get; init; }
    public required string BillIssued { get; init; }
    public required string BillNotIssued { get; init; }
    public required string BillPatientRequired { get; init; }
    public required Func<string, string> BillPatientUnknown { get; init; }
    public required string BillItemsRequired { get; init; }
    /// <summary>The unit price typed is not yuan with at most two decimals (12.345, abc).</summary>
    public required Func<int, string> BillItemPriceUnreadable { get; init; }
    /// <summary>What is wrong with item row <c>n</c> (1-based, as the form numbers them), naming the field.</summary>
    public required Func<int, InvoiceItemFault, string> BillItemFault { get; init; }
    public required string ScanToPayCodeTitle { get; init; }
    public required string BillQrAlt { get; init; }
    public required string PayLinkLabel { get; init; }
    public required Func<string, string> PayLinkExpires { get; init; }
    public required Func<string, string> PayLinkExpired { get; init; }
    public required string NewBill { get; init; }

    // Takings and reconciliation
    public required string TakingsTitle { get; init; }
    public required Func<string, string> TakingsOf { get; init; }
    public required string AllWindowsTakings { get; init; }
    public required string ByClerkTitle { get; init; }
    public required string PaymentsIn { get; init; }
    public required string RefundsOut { get; init; }
    public required string Net { get; init; }
    public required Func<int, string> Count { get; init; }
    public required string FinanceTitle { get; init; }
    public required string ReconciliationTitle { get; init; }
    public required string RunReconciliation { get; init; }
    public required string NotReconciled { get; init; }
    public required string Balanced { get; init; }
    public required Func<int, string> NotBalanced { get; init; }
    public required Func<string, string> ProviderFault { get; init; }
    public required Func<string, string, string> ReconciledAt { get; init; }
    public required string ReconciliationDone { get; init; }
    public required string OurRecords { get; init; }
    public required string ProviderRecords { get; init; }
    public required string Reference { get; init; }
    public required string Detail { get; init; }
    public required string Kind { get; init; }
    public required Func<MismatchKind, string> MismatchKindName { get; init; }
    public required Func<EntryKind, string> EntryKindName { get; init; }

    /// <summary>Sentences one after another: Chinese ones end in 。 and take no space between them, English ones do.</summary>
    public string Sentences(IEnumerable<string> sentences) => string.Join(IsEnglish ? " " : "", sentences);

    /// <summary>A sentence the domain words in both languages (a decision's Detail and DetailEn), in this one.</summary>
    public string Worded(string chinese, string english) => IsEnglish && !string.IsNullOrEmpty(english) ? english : chinese;

    public string RelationshipName(Relationship relationship) =>
        IsEnglish ? RelationshipNames.English(relationship) : RelationshipNames.Chinese(relationship);

    public string DocumentTypeName(DocumentType type) =>
        IsEnglish ? DocumentTypeNames.English(type) : DocumentTypeNames.Chinese(type);

    /// <summary>A card's document type as the grain names it (the enum name); unknown names are shown as they are.</summary>
    public string DocumentTypeName(string? type) =>
        Enum.TryParse<DocumentType>(type, out var parsed) && Enum.IsDefined(parsed) ? DocumentTypeName(parsed) : type ?? "";

    public string SexName(string? sex) => sex switch
    {
        "M" => Male,
        "F" => Female,
        _ => sex ?? "",
    };

    /// <summary>"2027年2月25日" or "25 Feb 2027".</summary>
    public string LongDate(DateOnly date) => LongDateFormat(date);

    /// <summary>The hospital-local date of <paramref name="instant"/>, as <see cref="LongDate(DateOnly)"/>.</summary>
    public string LongDate(DateTimeOffset instant) => LongDate(HospitalTime.Today(instant));
}

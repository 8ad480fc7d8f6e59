# The demo platform's settings, shared by scripts/run.sh (one process) and scripts/cluster.sh (silos
# and web fronts): the WeChat account and WeChat Pay merchant the simulator plays, and demo-only keys.
# Source it after setting platform_url (what patients' browsers reach), simulator_url and
# Storage__DataDirectory (where the demo pay keys are kept). Values already in the environment win.
# shellcheck shell=bash

# The demo account: the same values on both sides (the simulator's defaults). Production sets the
# real account's values in the environment (WeChat__AppId=… and so on) and points at WeChat itself.
export WeChat__AppId="${WeChat__AppId:-wx5f1c8d3e7a9b2046}"
export WeChat__AppSecret="${WeChat__AppSecret:-demo-simulator-secret-000000000000}"
export WeChat__Token="${WeChat__Token:-hospitaldemo}"
export WeChat__EncodingAESKey="${WeChat__EncodingAESKey:-HospitalOrleansWeChatSimulatorDemoKey01234A}"
export WeChat__SafeMode="${WeChat__SafeMode:-true}"
export WeChat__ApiBaseUrl="${WeChat__ApiBaseUrl:-$simulator_url}"
export WeChat__PublicBaseUrl="${WeChat__PublicBaseUrl:-$platform_url}"
export WeChat__Templates__BookingConfirmed="${WeChat__Templates__BookingConfirmed:-demo_booking_confirmed}"
export WeChat__Templates__BookingCancelled="${WeChat__Templates__BookingCancelled:-demo_booking_cancelled}"
export WeChat__Templates__BookingReleasedUnpaid="${WeChat__Templates__BookingReleasedUnpaid:-demo_booking_released}"
export WeChat__Templates__VisitReminder="${WeChat__Templates__VisitReminder:-demo_visit_reminder}"
export WeChat__Templates__PaymentRefunded="${WeChat__Templates__PaymentRefunded:-demo_payment_refunded}"

# The demo WeChat Pay merchant: key pairs made once per data directory (openssl), given to the
# simulator (as WeChat Pay's side) and the platform (as the merchant's). Production sets WeChatPay__*
# to the real merchant's values and leaves WeChatPay__CashierUrl unset.
if ! command -v openssl >/dev/null; then
  echo "Installing openssl from Debian's packages (for the demo WeChat Pay keys)"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq openssl >/dev/null
fi
keys="$Storage__DataDirectory/demo-pay-keys"
mkdir -p "$keys"
[ -s "$keys/merchant.pem" ] || openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$keys/merchant.pem" 2>/dev/null
[ -s "$keys/platform.pem" ] || openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$keys/platform.pem" 2>/dev/null
[ -s "$keys/platform.pub.pem" ] || openssl pkey -in "$keys/platform.pem" -pubout -out "$keys/platform.pub.pem"
export Simulator__Pay__MerchantPrivateKeyPem="$(cat "$keys/merchant.pem")"
export Simulator__Pay__MerchantSerialNo="5157F09EFDC096DE15EBE81A47057A7232F1B8E1"
export Simulator__Pay__PlatformPrivateKeyPem="$(cat "$keys/platform.pem")"
export Simulator__Pay__PlatformPublicKeyId="PUB_KEY_ID_0119000001092026112700000000000001"
export WeChatPay__MchId="${WeChatPay__MchId:-1900000109}"
export WeChatPay__AppId="${WeChatPay__AppId:-$WeChat__AppId}"
export WeChatPay__ApiV3Key="${WeChatPay__ApiV3Key:-HospitalOrleansPayDemoApiV3Key32}"
export WeChatPay__MerchantSerialNo="${WeChatPay__MerchantSerialNo:-$Simulator__Pay__MerchantSerialNo}"
export WeChatPay__MerchantPrivateKeyPem="${WeChatPay__MerchantPrivateKeyPem:-$Simulator__Pay__MerchantPrivateKeyPem}"
export WeChatPay__PlatformPublicKeyId="${WeChatPay__PlatformPublicKeyId:-$Simulator__Pay__PlatformPublicKeyId}"
export WeChatPay__PlatformPublicKeyPem="${WeChatPay__PlatformPublicKeyPem:-$(cat "$keys/platform.pub.pem")}"
export WeChatPay__ApiBaseUrl="${WeChatPay__ApiBaseUrl:-$simulator_url}"
export WeChatPay__NotifyUrl="${WeChatPay__NotifyUrl:-$platform_url/wechat/pay/notify}"
export WeChatPay__RefundNotifyUrl="${WeChatPay__RefundNotifyUrl:-$platform_url/wechat/pay/notify}"
export WeChatPay__CashierUrl="${WeChatPay__CashierUrl:-$simulator_url/sim/pay/{prepayId}}"

# Demo-only keys for personal data at rest and the patient index. Production sets its own
# (Patients__DataKey, Patients__IndexKey: 32 random bytes in base64, e.g. openssl rand -base64 32).
export Patients__DataKey="${Patients__DataKey:-ZGVtby1vbmx5LXBlcnNvbmFsLWRhdGEta2V5LTAwMDE=}"
export Billing__TokenKey="${Billing__TokenKey:-ZGVtby1vbmx5LWJpbGwtdG9rZW4tc2lnbmluZy1rMDE=}"
export Patients__IndexKey="${Patients__IndexKey:-ZGVtby1vbmx5LXBhdGllbnQtaW5kZXgta2V5LTAwMDE=}"


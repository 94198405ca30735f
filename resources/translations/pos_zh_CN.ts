<?xml version='1.0' encoding='utf-8'?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>CartModel</name>
    <message>
        <location filename="../../pos_client/ui/cart_model.py" line="56" />
        <source>Item</source>
        <translation>商品</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/cart_model.py" line="56" />
        <source>Qty</source>
        <translation>数量</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/cart_model.py" line="56" />
        <source>Unit price</source>
        <translation>单价</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/cart_model.py" line="56" />
        <source>Discount</source>
        <translation>优惠</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/cart_model.py" line="57" />
        <source>Amount</source>
        <translation>金额</translation>
    </message>
</context>
<context>
    <name>CheckoutScreen</name>
    <message>
        <location filename="../../pos_client/ui/checkout_screen.py" line="41" />
        <source>Scan or type a barcode, then Enter</source>
        <translation>扫描或输入条码，按回车</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/checkout_screen.py" line="42" />
        <source>Barcode</source>
        <translation>条码</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/checkout_screen.py" line="79" />
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/checkout_screen.py" line="116" />
        <source>F1 Help</source>
        <translation>F1 帮助</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/checkout_screen.py" line="117" />
        <source>F10 Log out</source>
        <translation>F10 退出登录</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/checkout_screen.py" line="118" />
        <source>F12 Pay</source>
        <translation>F12 收款</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/checkout_screen.py" line="167" />
        <source>{name} × {qty}</source>
        <translation>{name} × {qty}</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/checkout_screen.py" line="174" />
        <source>{n} item(s)</source>
        <translation>共 {n} 件</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/checkout_screen.py" line="186" />
        <source>Saving the sale…</source>
        <translation>正在保存交易…</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/checkout_screen.py" line="192" />
        <source>Paid {total}
Change {change}</source>
        <translation>已收款 {total}
找零 {change}</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/checkout_screen.py" line="195" />
        <source>Sale {receipt} saved. Receipt is printing.</source>
        <translation>交易 {receipt} 已保存，小票正在打印。</translation>
    </message>
</context>
<context>
    <name>LoginScreen</name>
    <message>
        <location filename="../../pos_client/ui/login_screen.py" line="31" />
        <source>Enter your staff number and PIN</source>
        <translation>请输入工号和密码</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/login_screen.py" line="36" />
        <location filename="../../pos_client/ui/login_screen.py" line="53" />
        <source>Staff number</source>
        <translation>工号</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/login_screen.py" line="41" />
        <location filename="../../pos_client/ui/login_screen.py" line="54" />
        <source>PIN</source>
        <translation>密码</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/login_screen.py" line="45" />
        <source>Log in</source>
        <translation>登录</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../pos_client/ui/main_window.py" line="28" />
        <source>Add the scanned or typed barcode; in payment, confirm the cash</source>
        <translation>添加扫描或输入的条码；收款时确认现金</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/main_window.py" line="30" />
        <source>Pay</source>
        <translation>收款</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/main_window.py" line="31" />
        <source>Show this help</source>
        <translation>显示本帮助</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/main_window.py" line="32" />
        <source>Log out (when the sale is empty)</source>
        <translation>退出登录（当前交易为空时）</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/main_window.py" line="33" />
        <source>Clear the barcode field; in payment, back to the sale</source>
        <translation>清空条码框；收款时返回交易</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/main_window.py" line="54" />
        <source>{store} — till {till}</source>
        <translation>{store} — 收银台 {till}</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/main_window.py" line="56" />
        <source>{store} · {code} · Till {till}</source>
        <translation>{store} · {code} · 收银台 {till}</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/main_window.py" line="94" />
        <source>Pay for the sale in progress before logging out.</source>
        <translation>请先完成当前交易的收款，再退出登录。</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/main_window.py" line="145" />
        <source>The sale could not be saved ({error}). Nothing was charged and the cart is kept: try F12 again, and call IT if it keeps failing.</source>
        <translation>交易未能保存（{error}）。未收取任何款项，购物车已保留：请再按 F12 重试，如仍失败请联系 IT。</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/main_window.py" line="155" />
        <source>Keyboard shortcuts</source>
        <translation>键盘快捷键</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/main_window.py" line="184" />
        <source>The receipt did not print ({detail}). It is kept and will print when the printer is fixed.</source>
        <translation>小票未能打印（{detail}）。小票已保留，打印机恢复后将自动打印。</translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message numerus="yes">
        <location filename="../../pos_client/ui/messages.py" line="24" />
        <source>%n minute(s)</source>
        <translation>
            <numerusform>%n 分钟</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/messages.py" line="29" />
        <source>Barcode {code} failed its check digit: it was misread or mistyped. Scan it again or type the digits under the bars.</source>
        <translation>条码 {code} 校验位错误：可能扫描不完整或输入有误。请重新扫描，或输入条码下方的数字。</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/messages.py" line="34" />
        <source>"{code}" is not a product code. Scan the item's barcode or type its digits.</source>
        <translation>“{code}”不是商品编码。请扫描商品条码或输入条码数字。</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/messages.py" line="41" />
        <source>A line can hold at most {limit} units. Start a second sale for more.</source>
        <translation>每行最多 {limit} 件。更多数量请另开一笔交易。</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/messages.py" line="44" />
        <source>This sale already has {limit} lines. Pay for it and start another.</source>
        <translation>本笔交易已有 {limit} 行。请先收款，再开始新交易。</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/messages.py" line="55" />
        <source>No product with code {code} at this store. Check the code, or put the item aside and call a supervisor.</source>
        <translation>本店没有编码为 {code} 的商品。请核对编码，或将商品放在一旁并联系主管。</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/messages.py" line="61" />
        <source>{name} has no price at this store yet, so it cannot be sold. Call a supervisor.</source>
        <translation>{name} 在本店尚无售价，暂不能销售。请联系主管。</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/messages.py" line="66" />
        <source>The sale is empty. Scan an item before paying.</source>
        <translation>当前交易为空。请先扫描商品再收款。</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/messages.py" line="68" />
        <source>{tendered} is less than the {due} due. Enter the cash received.</source>
        <translation>{tendered} 少于应收的 {due}。请输入实收现金。</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/messages.py" line="73" />
        <source>Too many wrong PINs. Login is locked for {time}; a supervisor can help.</source>
        <translation>密码错误次数过多，登录已锁定 {time}；可请主管协助。</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/messages.py" line="77" />
        <source>Staff number or PIN is wrong. {left} attempt(s) left before login locks.</source>
        <translation>工号或密码错误。再错 {left} 次将锁定登录。</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/messages.py" line="81" />
        <source>This till has no staff list yet. Connect it to the network and sync, or ask IT to enrol it.</source>
        <translation>本收银台还没有员工名单。请连接网络并同步，或联系 IT 注册本机。</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/messages.py" line="85" />
        <source>Something went wrong: {detail}. The sale in progress is kept; try again or call IT.</source>
        <translation>出现错误：{detail}。当前交易已保留；请重试或联系 IT。</translation>
    </message>
</context>
<context>
    <name>PaymentDialog</name>
    <message>
        <location filename="../../pos_client/ui/payment_dialog.py" line="26" />
        <source>Payment</source>
        <translation>收款</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/payment_dialog.py" line="32" />
        <source>Amount due</source>
        <translation>应收金额</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/payment_dialog.py" line="39" />
        <location filename="../../pos_client/ui/payment_dialog.py" line="40" />
        <source>Cash received</source>
        <translation>实收现金</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/payment_dialog.py" line="53" />
        <source>Exact</source>
        <translation>刚好</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/payment_dialog.py" line="70" />
        <source>Delete last digit</source>
        <translation>删除最后一位</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/payment_dialog.py" line="74" />
        <source>Clear</source>
        <translation>清除</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/payment_dialog.py" line="80" />
        <source>Confirm cash (Enter)</source>
        <translation>确认收款（回车）</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/payment_dialog.py" line="83" />
        <source>Back to sale (Esc)</source>
        <translation>返回交易（Esc）</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/payment_dialog.py" line="124" />
        <source>Not an amount</source>
        <translation>不是有效金额</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/payment_dialog.py" line="129" />
        <source>Still due: {amount}</source>
        <translation>还差：{amount}</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/payment_dialog.py" line="132" />
        <source>Change: {amount}</source>
        <translation>找零：{amount}</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/payment_dialog.py" line="140" />
        <source>"{text}" is not an amount of cash. Type the cash received, e.g. 100 or 52.50.</source>
        <translation>“{text}”不是有效的现金金额。请输入实收现金，例如 100 或 52.50。</translation>
    </message>
</context>
<context>
    <name>TopBar</name>
    <message>
        <location filename="../../pos_client/ui/top_bar.py" line="45" />
        <source>Staff: {name}</source>
        <translation>收银员：{name}</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/top_bar.py" line="49" />
        <source>Connecting…</source>
        <translation>正在连接…</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/top_bar.py" line="51" />
        <source>● Online</source>
        <translation>● 在线</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/top_bar.py" line="53" />
        <source>● Offline</source>
        <translation>● 离线</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/top_bar.py" line="62" />
        <source>All sent</source>
        <translation>已全部上传</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/top_bar.py" line="66" />
        <source>Unsent: {n} (oldest {m} min)</source>
        <translation>待上传：{n}（最早 {m} 分钟前）</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/top_bar.py" line="74" />
        <source>Printer OK</source>
        <translation>打印机正常</translation>
    </message>
    <message>
        <location filename="../../pos_client/ui/top_bar.py" line="77" />
        <source>Printer fault: {n} waiting</source>
        <translation>打印机故障：{n} 张待打印</translation>
    </message>
</context>
</TS>